using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switch.Actors.Registry;
using Switch.Actors.Terminals;
using Switch.Actors.Terminals.Keys;
using Switch.Host.Hosting;

namespace Switch.Host.Admin;

/// <summary>
/// The registry at run time: <c>PUT</c> asks the registry actor (the one writer) and answers once the
/// change is journaled and terminals see it: 201 when the id was new, 200 when it replaced, 400 naming
/// the field at fault, 503 when the registry does not answer in time (the change may or may not be
/// stored; a PUT may simply be repeated). <c>GET</c> reads this node's published directory, which
/// every PUT answered before has reached on the node holding the registry singleton, and on the
/// others within about a second (their replicas recover the change).
/// </summary>
public static class RegistryEndpoints
{
    /// <summary>How long a PUT waits for the registry: a journal write, normally milliseconds.</summary>
    public static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    public static WebApplication MapRegistry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPut(AdminRoutes.Merchant, (string mid, HttpRequest request, ActorRegistry actors, CancellationToken cancellation) =>
            PutMerchantAsync(Id(mid), request.Body, actors.Get<MerchantRegistry>(), AskTimeout, cancellation));
        app.MapPut(AdminRoutes.Terminal, (string tid, HttpRequest request, ActorRegistry actors, TerminalKeyCipher keys, CancellationToken cancellation) =>
            PutTerminalAsync(Id(tid), request.Body, actors.Get<MerchantRegistry>(), keys, AskTimeout, cancellation));
        app.MapGet(AdminRoutes.Merchant, (string mid, TerminalDirectory directory) => GetMerchant(Id(mid), directory));
        app.MapGet(AdminRoutes.Terminal, (string tid, TerminalDirectory directory) => GetTerminal(Id(tid), directory));
        return app;
    }

    public static async Task<IResult> PutMerchantAsync(string mid, Stream body, IActorRef registry, TimeSpan timeout, CancellationToken cancellation)
    {
        var (json, error) = await RegistryRequests.ReadObjectAsync(body, cancellation).ConfigureAwait(false);
        if (error is not null || !RegistryRequests.TryReadMerchant(mid, json, out var merchant, out error))
        {
            return BadRequest(error);
        }

        return await AskAsync(registry, new RegisterMerchant(merchant), timeout, cancellation).ConfigureAwait(false) switch
        {
            MerchantStored { Created: true } stored => Results.Created(Location("merchants", stored.Merchant.Mid), MerchantResource.From(stored.Merchant)),
            MerchantStored stored => Results.Ok(MerchantResource.From(stored.Merchant)),
            var other => NotStored(other),
        };
    }

    public static async Task<IResult> PutTerminalAsync(string tid, Stream body, IActorRef registry, TerminalKeyCipher keys, TimeSpan timeout, CancellationToken cancellation)
    {
        var (json, error) = await RegistryRequests.ReadObjectAsync(body, cancellation).ConfigureAwait(false);
        if (error is not null || !RegistryRequests.TryReadTerminal(tid, json, keys, out var command, out error))
        {
            return BadRequest(error);
        }

        return await AskAsync(registry, command, timeout, cancellation).ConfigureAwait(false) switch
        {
            TerminalStored { Created: true } stored => Results.Created(Location("terminals", stored.Terminal.Tid), Resource(stored.Terminal)),
            TerminalStored stored => Results.Ok(Resource(stored.Terminal)),
            var other => NotStored(other),
        };
    }

    public static IResult GetMerchant(string mid, TerminalDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (RegistryRules.Mid(mid) is { } error)
        {
            return BadRequest(error);
        }

        return directory.TryFindMerchant(mid, out var merchant)
            ? Results.Ok(MerchantResource.From(merchant))
            : Results.NotFound(new { error = $"no merchant '{mid}' is registered" });
    }

    public static IResult GetTerminal(string tid, TerminalDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (RegistryRules.Tid(tid) is { } error)
        {
            return BadRequest(error);
        }

        return directory.TryFind(tid, out var merchant)
            ? Results.Ok(new TerminalResource(tid, merchant.Mid, directory.TryFindKey(tid, out var key) ? key.CheckValue : null))
            : Results.NotFound(new { error = $"no terminal '{tid}' is registered" });
    }

    /// <summary>The registry's answer, or null when it gave none in time (down, or its journal is).</summary>
    private static async Task<object?> AskAsync(IActorRef registry, object command, TimeSpan timeout, CancellationToken cancellation)
    {
        try
        {
            return await registry.Ask<object>(command, timeout, cancellation).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }

    private static IResult NotStored(object? answer) => answer switch
    {
        RegistrationRefused refused => BadRequest(refused.Error),
        null => Results.Json(
            new { error = "the registry did not answer in time; the change may or may not be stored, and the PUT can be repeated" },
            statusCode: StatusCodes.Status503ServiceUnavailable),
        _ => throw new InvalidOperationException($"the registry answered {answer.GetType().Name}"),
    };

    /// <summary>
    /// An id from the path. Kestrel decodes every escape in a path but %2F, so that it cannot split a
    /// segment; a MID or TID may hold '/', so it arrives (and is linked to) as %2F.
    /// </summary>
    private static string Id(string routeValue) => routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    private static TerminalResource Resource(TerminalRegistration terminal) => new(terminal.Tid, terminal.Mid, terminal.Key?.CheckValue);

    private static string Location(string collection, string id) => $"/api/{collection}/{Uri.EscapeDataString(id)}";

    private static IResult BadRequest(string? error) => Results.BadRequest(new { error });
}
