using Switch.Actors.Fees;

namespace Switch.Host.Admin;

/// <summary>One approved transaction of a merchant and the fee journaled with its outcome.</summary>
public sealed record FeeLine(string Rrn, DateTimeOffset At, long AmountMinor, FeeBreakdown Fee);

/// <summary>Where a merchant's statement reads its approved transactions' fees from.</summary>
public interface IFeeLedgerSource
{
    /// <summary>The merchant's approved transactions whose outcome was journaled in [<paramref name="periodStart"/>, <paramref name="periodEnd"/>), with their fees.</summary>
    Task<IReadOnlyList<FeeLine>> ReadAsync(string mid, DateTimeOffset periodStart, DateTimeOffset periodEnd, CancellationToken cancellation);
}
