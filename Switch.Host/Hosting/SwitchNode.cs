using System.Net;
using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Switch.Actors.Routing;
using Switch.Actors.Terminals;
using Switch.Host.Admin;
using Switch.Host.Configuration;
using Switch.Host.Persistence;
using Switch.Host.Sms;
using Switch.Host.Terminals;

namespace Switch.Host.Hosting;

/// <summary>
/// One running switch node: the actor system, Kestrel with the terminal port (raw TCP through
/// <see cref="TerminalConnectionHandler"/>) and the admin port (HTTP), in one generic host.
/// </summary>
public sealed class SwitchNode : IAsyncDisposable
{
    private static readonly TimeSpan RouteAskTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RoutePollInterval = TimeSpan.FromMilliseconds(50);

    private readonly WebApplication _app;
    private readonly ListenOptions _terminalListener;
    private readonly ListenOptions _adminListener;

    private SwitchNode(WebApplication app, ListenOptions terminalListener, ListenOptions adminListener)
    {
        _app = app;
        _terminalListener = terminalListener;
        _adminListener = adminListener;
    }

    /// <summary>Where terminals connect; the actual port when the configured one was 0.</summary>
    public IPEndPoint TerminalEndPoint => _terminalListener.IPEndPoint!;

    /// <summary>Where the admin API answers; the actual port when the configured one was 0.</summary>
    public IPEndPoint AdminEndPoint => _adminListener.IPEndPoint!;

    public ActorSystem System => _app.Services.GetRequiredService<ActorSystem>();

    /// <summary>Builds and starts a node; it runs until <see cref="DisposeAsync"/> or the process is asked to stop.</summary>
    public static async Task<SwitchNode> StartAsync(Config config, SwitchSettings settings, ILogger log, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        if (settings.Journal.Provider == JournalProvider.Sqlite)
        {
            JournalConfiguration.PrepareSqlite(settings.Journal.ConnectionString);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSerilog(log, dispose: false);
        ListenOptions? terminalListener = null;
        ListenOptions? adminListener = null;
        if (settings.Terminals.Tls is not null)
        {
            // The slim builder leaves out what Kestrel's TLS middleware needs.
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(settings.Terminals.Listen, listen =>
            {
                terminalListener = listen;
                if (settings.Terminals.Tls is { } tls)
                {
                    TerminalTls.Use(listen, tls, settings.Terminals.Limits.MaxConnections, log);
                }

                // Resolved at the first connection, not when Kestrel is built: the terminal region
                // exists only once the actor system has started.
                listen.Run(connection => ServeTerminalAsync(connection, listen.ApplicationServices));
            });
            kestrel.Listen(settings.Admin.Listen, listen => adminListener = listen);
        });
        builder.Services.AddSingleton(log);
        builder.Services.AddSingleton<TerminalConnectionHandler>();
        builder.Services.AddSingleton(provider => new TerminalPort(
            settings.Terminals,
            provider.GetRequiredService<ActorSystem>(),
            provider.GetRequiredService<ActorRegistry>().Get<TerminalRegion>(),
            provider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping));
        builder.Services.AddSwitchActorSystem(settings, config, log);
        builder.Services.AddSmsSender(settings.Sms);
        builder.Services.AddAdminApi(settings);

        var app = builder.Build();
        app.MapAdminApi(settings.Admin);
        var node = new SwitchNode(app, terminalListener!, adminListener!);
        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
            await node.MemberUpAsync(cancellation).ConfigureAwait(false);
            await app.Services.GetRequiredService<TerminalDirectory>().Published.WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch
        {
            // A port in use, say: what did start (the actor system) is stopped, not left running.
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        log.Information(
            "Switch node {NodeId} is up: terminals on {TerminalEndPoint}, admin API on {AdminEndPoint}, journal {Journal}, acquirers {Acquirers}",
            settings.NodeId, node.TerminalEndPoint, node.AdminEndPoint, settings.Journal.Provider, settings.Acquirers.Select(a => a.Name));
        return node;
    }

    /// <summary>
    /// Until the registry has recovered every terminal would be unknown and answered 58 (terminals
    /// reconnect the moment a node is back): a connection waits for it instead.
    /// </summary>
    private static async Task ServeTerminalAsync(ConnectionContext connection, IServiceProvider services)
    {
        try
        {
            await services.GetRequiredService<TerminalDirectory>().Published.WaitAsync(connection.ConnectionClosed).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await services.GetRequiredService<TerminalConnectionHandler>().OnConnectedAsync(connection).ConfigureAwait(false);
    }

    /// <summary>
    /// Only an Up member hosts terminal entities: until then requests wait in the region's buffer,
    /// so the node does not call itself up before it is.
    /// </summary>
    private Task MemberUpAsync(CancellationToken cancellation)
    {
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Akka.Cluster.Cluster.Get(System).RegisterOnMemberUp(() => up.TrySetResult());
        return up.Task.WaitAsync(cancellation);
    }

    /// <summary>
    /// Waits until routing would pick an acquirer (<paramref name="acquirer"/>, or any when null): its
    /// link is signed on and the router knows it. Before that, purchases are answered 91.
    /// </summary>
    public async Task WaitForRouteAsync(string? acquirer, CancellationToken cancellation)
    {
        var router = ActorRegistry.For(System).Get<AcquirerRouter>();
        while (true)
        {
            // Asked, not picked: a pick would spend a half-open circuit's one probe.
            var routable = await router.Ask<RoutableAcquirers>(GetRoutableAcquirers.Instance, RouteAskTimeout, cancellation).ConfigureAwait(false);
            if (acquirer is null ? routable.Names.Count > 0 : routable.Names.Contains(acquirer))
            {
                return;
            }

            await Task.Delay(RoutePollInterval, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Completes when the host is asked to stop (SIGTERM, Ctrl+C) or the actor system terminates.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellation = default) => _app.WaitForShutdownAsync(cancellation);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
