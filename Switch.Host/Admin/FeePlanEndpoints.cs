using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switch.Actors.Fees;
using Switch.Host.Hosting;

namespace Switch.Host.Admin;

/// <summary>
/// Fee plans at run time. <c>PUT</c> asks the fee-plan registry (the one writer) to add a version and
/// answers once it is journaled and transactions see it: 201 with the version, 400 naming the field
/// at fault (a backdated effectiveFrom among them), 503 when the registry does not answer in time (the
/// version may or may not be stored: read the plan before repeating). <c>GET</c> reads the published
/// plans: every version, who added it and when, and the one in force now.
/// </summary>
public static class FeePlanEndpoints
{
    public const string Plan = "/api/fee-plans/{id}";

    /// <summary>How long a PUT waits for the registry: a journal write, normally milliseconds.</summary>
    public static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    public static WebApplication MapFeePlans(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPut(Plan, (string id, HttpRequest request, ActorRegistry actors, CancellationToken cancellation) =>
            PutAsync(Id(id), request.Body, actors.Get<FeePlanRegistry>(), AskTimeout, cancellation));
        app.MapGet(Plan, (string id, FeePlanDirectory plans, ActorSystem system) => Get(Id(id), plans, system.Scheduler.Now));
        app.MapFeeStatement();
        return app;
    }

    public static async Task<IResult> PutAsync(string planId, Stream body, IActorRef feePlans, TimeSpan timeout, CancellationToken cancellation)
    {
        var (json, error) = await RegistryRequests.ReadObjectAsync(body, cancellation).ConfigureAwait(false);
        if (error is not null || !FeePlanRequests.TryReadChange(planId, json, out var change, out error))
        {
            return BadRequest(error);
        }

        object? answer;
        try
        {
            answer = await feePlans.Ask<object>(change, timeout, cancellation).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            answer = null;
        }

        return answer switch
        {
            FeePlanVersionStored stored => Results.Created(
                $"/api/fee-plans/{Uri.EscapeDataString(stored.Plan.Id)}",
                FeePlanVersionAddedResource.From(stored.Plan.Id, stored.Version)),
            FeePlanChangeRefused refused => BadRequest(refused.Error),
            null => Results.Json(
                new { error = "the fee-plan registry did not answer in time; the version may or may not be stored, so read the plan before repeating the PUT" },
                statusCode: StatusCodes.Status503ServiceUnavailable),
            _ => throw new InvalidOperationException($"the fee-plan registry answered {answer.GetType().Name}"),
        };
    }

    public static IResult Get(string planId, FeePlanDirectory plans, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plans);
        if (FeePlanRules.Id(planId) is { } error)
        {
            return BadRequest(error);
        }

        return plans.TryFind(planId, out var plan)
            ? Results.Ok(FeePlanResource.From(plan, now))
            : Results.NotFound(new { error = $"no fee plan '{planId}' exists" });
    }

    /// <summary>An id from the path: Kestrel leaves %2F encoded so that it cannot split a segment (as for MIDs).</summary>
    internal static string Id(string routeValue) => routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    internal static IResult BadRequest(string? error) => Results.BadRequest(new { error });
}
