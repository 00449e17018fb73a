using System.Runtime.Serialization;
using Switch.Actors.Fees;
using static Switch.Actors.Serialization.WireValues;
using Wire = Switch.Actors.Serialization.Wire;

namespace Switch.Actors.Serialization;

/// <summary>The admin API's changes to the fee-plan singleton and its answers, to and from their wire form.</summary>
internal static class FeePlanWire
{
    public static Wire.AddFeePlanVersion ToWire(AddFeePlanVersion add)
    {
        var wire = new Wire.AddFeePlanVersion { PlanId = add.PlanId, Terms = ToWire(add.Terms), ChangedBy = add.ChangedBy };
        if (add.EffectiveFrom is { } at)
        {
            wire.EffectiveFrom = WireValues.ToWire(at);
        }

        return wire;
    }

    public static AddFeePlanVersion FromWire(Wire.AddFeePlanVersion add) => new(
        add.PlanId,
        FromWire(Required(add.Terms, "fee terms")),
        add.EffectiveFrom is null ? null : WireValues.FromWire(add.EffectiveFrom),
        add.ChangedBy);

    /// <summary>The plan's versions travel as the events that journal them, which hold exactly what a version is.</summary>
    public static Wire.FeePlanVersionStored ToWire(FeePlanVersionStored stored)
    {
        var wire = new Wire.FeePlanVersionStored { PlanId = stored.Plan.Id, StoredVersion = stored.Version.Version };
        wire.Versions.AddRange(stored.Plan.Versions.Select(version => FeePlanEvents.Added(stored.Plan.Id, version)));
        return wire;
    }

    public static FeePlanVersionStored FromWire(Wire.FeePlanVersionStored stored)
    {
        if (stored.Versions.Count == 0)
        {
            throw new SerializationException("the cluster message has no fee plan version");
        }

        var versions = stored.Versions.Select(FeePlanEvents.Version).ToList();
        var plan = versions.Skip(1).Aggregate(FeePlan.Create(stored.PlanId, versions[0]), (built, next) => built.With(next));
        return new FeePlanVersionStored(
            plan,
            versions.Find(version => version.Version == stored.StoredVersion) ?? throw new SerializationException($"the plan has no version {stored.StoredVersion}"));
    }

    public static Wire.FeePlanChangeRefused ToWire(FeePlanChangeRefused refused) => new() { Error = refused.Error };

    public static FeePlanChangeRefused FromWire(Wire.FeePlanChangeRefused refused) => new(refused.Error);

    private static Wire.FeeTerms ToWire(FeeTerms terms) => new()
    {
        CardRatePpm = terms.CardRate.PartsPerMillion,
        QrRatePpm = terms.QrRate.PartsPerMillion,
        CardFixedMinor = terms.CardFixedMinor,
        QrFixedMinor = terms.QrFixedMinor,
    };

    private static FeeTerms FromWire(Wire.FeeTerms terms) =>
        new(new FeeRate(terms.CardRatePpm), new FeeRate(terms.QrRatePpm), terms.CardFixedMinor, terms.QrFixedMinor);
}
