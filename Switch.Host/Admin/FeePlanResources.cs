using Switch.Actors.Fees;

namespace Switch.Host.Admin;

/// <summary>One version of a plan as the admin API shows it: rates as percentages, fixed fees in minor units, instants in UTC.</summary>
public sealed record FeePlanVersionResource(int Version, DateTime EffectiveFrom, string CardRate, string QrRate, long CardFixed, long QrFixed, string ChangedBy, DateTime ChangedAt)
{
    public static FeePlanVersionResource From(FeePlanVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var terms = version.Terms;
        return new(
            version.Version,
            FeeInstants.Utc(version.EffectiveFrom),
            terms.CardRate.ToString(),
            terms.QrRate.ToString(),
            terms.CardFixedMinor,
            terms.QrFixedMinor,
            version.ChangedBy,
            FeeInstants.Utc(version.ChangedAt));
    }
}

/// <summary>A plan with every version it had, oldest first, and the one in force now (null before its first takes effect).</summary>
public sealed record FeePlanResource(string Id, int? InForce, IReadOnlyList<FeePlanVersionResource> Versions)
{
    public static FeePlanResource From(FeePlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.Id, plan.InForceAt(now)?.Version, [.. plan.Versions.Select(FeePlanVersionResource.From)]);
    }
}

/// <summary>What a PUT answers: the version it added, with its plan's id.</summary>
public sealed record FeePlanVersionAddedResource(string Id, int Version, DateTime EffectiveFrom, string CardRate, string QrRate, long CardFixed, long QrFixed, string ChangedBy, DateTime ChangedAt)
{
    public static FeePlanVersionAddedResource From(string planId, FeePlanVersion version)
    {
        var shown = FeePlanVersionResource.From(version);
        return new(planId, shown.Version, shown.EffectiveFrom, shown.CardRate, shown.QrRate, shown.CardFixed, shown.QrFixed, shown.ChangedBy, shown.ChangedAt);
    }
}
