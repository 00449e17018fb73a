using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Switch.Actors.Cards.Challenges;
using Switch.Actors.Fees;
using Switch.Actors.Terminals;
using Switch.Actors.Transactions;
using Switch.Actors;
using Switch.Host.Configuration;
using Switch.Host.Hosting;

namespace Switch.Host.Admin;

/// <summary>The admin port: health probes, Prometheus metrics, the transaction history, card bindings and the registry, behind the bearer token.</summary>
public static class AdminApi
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddAdminApi(this IServiceCollection services, SwitchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings.Journal);
        services.AddSingleton<TransactionHistory>();
        services.AddSingleton<IFeeLedgerSource, FeeLedgerJournal>();
        services.AddSingleton(provider => new CardBindings(
            new PanToken(settings.Security.PanTokenKey),
            new PhoneCipher(settings.Security.PhoneKey),
            provider.GetRequiredService<ActorRegistry>().Get<CardRegion>(),
            settings.Cards.AskTimeout));
        services.AddHealthChecks()
            .AddCheck<ClusterMemberHealthCheck>("cluster", tags: [ReadyTag])
            .AddCheck<JournalHealthCheck>("journal", tags: [ReadyTag])
            .Add(new HealthCheckRegistration("registry", provider => new RecoveredHealthCheck(provider.GetRequiredService<TerminalDirectory>().Published, "the merchants and terminals"), null, [ReadyTag]))
            .Add(new HealthCheckRegistration("fee-plans", provider => new RecoveredHealthCheck(provider.GetRequiredService<FeePlanDirectory>().Published, "the fee plans"), null, [ReadyTag]));
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("switch", serviceInstanceId: $"node-{settings.NodeId}"))
            .WithMetrics(metrics => metrics
            .AddMeter(SwitchMeter.Name)
            .AddPrometheusExporter(prometheus =>
            {
                // The exporter's default 300 ms response cache would hand a scrape right after another
                // the older numbers; scrapes are seconds apart, so each one reads the meters afresh.
                prometheus.ScrapeResponseCacheDurationMilliseconds = 0;
            }));
        return services;
    }

    public static WebApplication MapAdminApi(this WebApplication app, AdminSettings admin)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(admin);
        app.UseMiddleware<BearerTokenMiddleware>(admin.Token);
        // Live means the process serves HTTP: no check runs, so a slow database cannot get the node killed.
        app.MapHealthChecks(AdminRoutes.Live, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(AdminRoutes.Ready, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapPrometheusScrapingEndpoint(AdminRoutes.Metrics);
        app.MapGet(AdminRoutes.Transaction, async (string rrn, TransactionHistory history, CancellationToken cancellation) =>
        {
            if (!TransactionHistory.IsRrn(rrn))
            {
                return Results.BadRequest(new { error = $"'{rrn}' is not an RRN: 12 digits are expected" });
            }

            var events = await history.FindAsync(rrn, cancellation).ConfigureAwait(false);
            return events.Count == 0
                ? Results.NotFound(new { error = $"no transaction with RRN {rrn} is journaled" })
                : Results.Ok(new { rrn, events });
        });
        app.MapCardBindings();
        app.MapRegistry();
        app.MapFeePlans();
        return app;
    }
}
