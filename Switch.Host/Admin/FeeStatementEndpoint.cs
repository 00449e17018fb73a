using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switch.Actors.Registry;
using Switch.Actors.Terminals;

namespace Switch.Host.Admin;

/// <summary>
/// <c>GET /api/merchants/{mid}/fees?from=&amp;to=</c>: the merchant's fee statement for [from, to),
/// both ISO 8601 with Z or an offset. 400 naming the parameter at fault, 404 for a merchant that is not
/// registered.
/// </summary>
public static class FeeStatementEndpoint
{
    public const string Statement = "/api/merchants/{mid}/fees";

    public static WebApplication MapFeeStatement(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Statement, (string mid, string? from, string? to, TerminalDirectory merchants, IFeeLedgerSource ledger, CancellationToken cancellation) =>
            GetAsync(FeePlanEndpoints.Id(mid), from, to, merchants, ledger, cancellation));
        return app;
    }

    public static async Task<IResult> GetAsync(string mid, string? from, string? to, TerminalDirectory merchants, IFeeLedgerSource ledger, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(merchants);
        ArgumentNullException.ThrowIfNull(ledger);
        DateTimeOffset start = default, end = default;
        var error = RegistryRules.Mid(mid)
            ?? (from is null ? "from: is required" : FeeInstants.TryRead("from", from, out start))
            ?? (to is null ? "to: is required" : FeeInstants.TryRead("to", to, out end))
            ?? (end > start ? null : "to: must be later than from");
        if (error is not null)
        {
            return FeePlanEndpoints.BadRequest(error);
        }

        if (!merchants.TryFindMerchant(mid, out _))
        {
            return Results.NotFound(new { error = $"no merchant '{mid}' is registered" });
        }

        var lines = await ledger.ReadAsync(mid, start, end, cancellation).ConfigureAwait(false);
        return Results.Ok(FeeStatement.Build(mid, start, end, lines));
    }
}
