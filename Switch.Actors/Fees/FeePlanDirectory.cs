using System.Collections.Frozen;

namespace Switch.Actors.Fees;

/// <summary>
/// Every fee plan by id, for the transactions that compute their fee on the hot path and the admin
/// API. Plans change rarely, so a change builds a whole new immutable view and swaps it in: reads
/// take no lock and see the plans wholly before or wholly after a change. Writers are the fee-plan
/// registry actors of this node, once recovered (in a cluster the singleton, when it lives here, and
/// the node's replica of it, see <see cref="Version"/>); readers are any threads.
/// </summary>
public sealed class FeePlanDirectory
{
    private readonly TaskCompletionSource _published = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _writing = new();
    private Plans _plans = new(FrozenDictionary<string, FeePlan>.Empty, 0);

    /// <summary>Completes at the first publication: until then no plan is known.</summary>
    public Task Published => _published.Task;

    /// <summary>The journal sequence number of the plans published now.</summary>
    public long Version => Volatile.Read(ref _plans).Version;

    /// <summary>
    /// Told each version that is newer than the one before: in a cluster, how the other nodes learn
    /// that the plans changed. Called on the publishing thread, so it must not block.
    /// </summary>
    public Action<long>? Advanced { get; set; }

    public bool TryFind(string planId, out FeePlan plan) => Volatile.Read(ref _plans).ById.TryGetValue(planId, out plan!);

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

    /// <summary>Replaces every plan, unless a newer <paramref name="version"/> is published already.</summary>
    public void Publish(IEnumerable<FeePlan> plans, long version = 0)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var view = plans.ToFrozenDictionary(plan => plan.Id, StringComparer.Ordinal);
        long before;
        lock (_writing)
        {
            before = _plans.Version;
            if (version < before)
            {
                return;
            }

            // Volatile: a reader on another core that sees the new view sees it fully built.
            Volatile.Write(ref _plans, new Plans(view, version));
        }

        _published.TrySetResult();
        if (version > before)
        {
            Advanced?.Invoke(version);
        }
    }

    private sealed record Plans(FrozenDictionary<string, FeePlan> ById, long Version);
}
