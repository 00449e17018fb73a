using Switch.Actors.Events;

namespace Switch.Actors.Fees;

/// <summary>Between plan versions and their journaled events.</summary>
internal static class FeePlanEvents
{
    /// <summary>Who a plan's version 1 is recorded as changed by when it comes from <c>switch.fee-plans</c>.</summary>
    public const string Configuration = "configuration";

    public static FeePlanVersionAdded Added(string planId, FeePlanVersion version) => new()
    {
        PlanId = planId,
        Version = version.Version,
        EffectiveFromUnixMs = version.EffectiveFrom.ToUnixTimeMilliseconds(),
        CardRatePpm = version.Terms.CardRate.PartsPerMillion,
        QrRatePpm = version.Terms.QrRate.PartsPerMillion,
        CardFixedMinor = version.Terms.CardFixedMinor,
        QrFixedMinor = version.Terms.QrFixedMinor,
        ChangedBy = version.ChangedBy,
        AtUnixMs = version.ChangedAt.ToUnixTimeMilliseconds(),
    };

    public static FeePlanVersion Version(FeePlanVersionAdded added) => new(
        added.Version,
        DateTimeOffset.FromUnixTimeMilliseconds(added.EffectiveFromUnixMs),
        new FeeTerms(new FeeRate(added.CardRatePpm), new FeeRate(added.QrRatePpm), added.CardFixedMinor, added.QrFixedMinor),
        added.ChangedBy,
        DateTimeOffset.FromUnixTimeMilliseconds(added.AtUnixMs));
}
