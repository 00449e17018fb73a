using System.Collections.Frozen;

namespace Switch.Actors.Fees;

/// <summary>
/// Every fee plan by id, for the transactions that compute their fee on the hot path and the admin
/// API. Plans change rarely, so a change builds a whole new immutable view and swaps it in: reads
/// take no lock and see the plans wholly before or wholly after a change. One writer publishes (the
/// fee-plan registry actor, once it has recovered); readers are any threads.
/// </summary>
public sealed class FeePlanDirectory
{
    private readonly TaskCompletionSource _published = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FrozenDictionary<string, FeePlan> _plans = FrozenDictionary<string, FeePlan>.Empty;

    /// <summary>Completes at the first publication: until then no plan is known.</summary>
    public Task Published => _published.Task;

    public bool TryFind(string planId, out FeePlan plan) => Volatile.Read(ref _plans).TryGetValue(planId, out plan!);

    /// <summary>
    /// The fee of an approved transaction of <paramref name="amountMinor"/> at <paramref name="at"/>
    /// under the plan version then in force, with the acquirer's cost and the margin; null when no
    /// such plan is published or its first version takes effect after <paramref name="at"/>.
    /// </summary>
    public FeeBreakdown? Compute(string planId, FeeInstrument instrument, long amountMinor, DateTimeOffset at, AcquirerCharge acquirer)
    {
        ArgumentNullException.ThrowIfNull(planId);
        return TryFind(planId, out var plan) && plan.InForceAt(at) is { } version
            ? FeeCalculator.Compute(plan.Id, version, instrument, amountMinor, acquirer)
            : null;
    }

    /// <summary>Replaces every plan.</summary>
    public void Publish(IEnumerable<FeePlan> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var view = plans.ToFrozenDictionary(plan => plan.Id, StringComparer.Ordinal);
        // Volatile: a reader on another core that sees the new view sees it fully built.
        Volatile.Write(ref _plans, view);
        _published.TrySetResult();
    }
}
