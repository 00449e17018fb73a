using Switch.Actors.Events;

namespace Switch.Actors.Fees;

/// <summary>
/// The plans the fee-plan registry keeps: every journaled version, the configuration's included
/// (they are journaled as version 1 when first seen), so the state and its snapshot are the journal's.
/// </summary>
internal sealed class FeePlanState
{
    private readonly Dictionary<string, FeePlan> _plans = new(StringComparer.Ordinal);
    private readonly List<FeePlanVersionAdded> _events = [];

    public IReadOnlyCollection<FeePlan> Plans => _plans.Values;

    public bool TryGet(string planId, out FeePlan plan) => _plans.TryGetValue(planId, out plan!);

    /// <summary>Adds the version to its plan and returns the plan as it is now.</summary>
    public FeePlan Apply(FeePlanVersionAdded added)
    {
        var version = FeePlanEvents.Version(added);
        var plan = _plans.TryGetValue(added.PlanId, out var before) ? before.With(version) : FeePlan.Create(added.PlanId, version);
        _plans[added.PlanId] = plan;
        _events.Add(added);
        return plan;
    }

    public void Restore(FeePlanSnapshot snapshot)
    {
        foreach (var added in snapshot.Versions)
        {
            _ = Apply(added);
        }
    }

    public FeePlanSnapshot ToSnapshot() => new() { Versions = { _events } };
}
