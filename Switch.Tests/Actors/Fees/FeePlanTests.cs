using Switch.Actors.Fees;

namespace Switch.Tests.Actors.Fees;

/// <summary>Which version is in force when, and which changes the rules let through.</summary>
public sealed class FeePlanTests
{
    private static readonly DateTimeOffset Jan = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Dec = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly FeeTerms Standard = new(new FeeRate(6_000), new FeeRate(3_800));
    private static readonly FeeTerms Raised = new(new FeeRate(6_500), new FeeRate(3_800));
    private static readonly FeeTerms Corrected = new(new FeeRate(6_200), new FeeRate(3_800));

    private static readonly FeePlan Plan = FeePlan.Create("std", Version(1, Jan, Standard))
        .With(Version(2, Dec, Raised))
        .With(Version(3, Dec, Corrected));

    [Fact]
    public void Before_the_first_version_takes_effect_no_version_is_in_force() =>
        Assert.Null(Plan.InForceAt(Jan.AddMilliseconds(-1)));

    [Fact]
    public void A_version_is_in_force_from_its_effective_instant_inclusive_until_the_next_one()
    {
        Assert.Equal(1, Plan.InForceAt(Jan)?.Version);
        Assert.Equal(1, Plan.InForceAt(Dec.AddMilliseconds(-1))?.Version);
        Assert.Equal(3, Plan.InForceAt(Dec)?.Version);
        Assert.Equal(3, Plan.InForceAt(DateTimeOffset.MaxValue)?.Version);
    }

    [Fact]
    public void A_later_version_with_the_same_effective_instant_supersedes_the_earlier_one() =>
        Assert.Equal(Corrected, Plan.InForceAt(Dec.AddDays(1))?.Terms);

    [Fact]
    public void A_plan_only_grows_by_the_next_version_never_out_of_order()
    {
        Assert.Throws<ArgumentException>(() => Plan.With(Version(5, Dec, Standard)));
        Assert.Throws<ArgumentException>(() => Plan.With(Version(4, Jan, Standard)));
        Assert.Throws<ArgumentException>(() => FeePlan.Create("std", Version(2, Jan, Standard)));
        Assert.Equal(3, Plan.Versions.Length);
    }

    [Fact]
    public void A_change_effective_now_or_later_is_allowed()
    {
        Assert.Null(FeePlanRules.EffectiveFrom(null, Jan, now: Jan));
        Assert.Null(FeePlanRules.EffectiveFrom(Plan, Dec, now: Jan));
        Assert.Null(FeePlanRules.EffectiveFrom(Plan, Dec.AddDays(1), now: Jan));
    }

    [Fact]
    public void A_backdated_change_is_refused_naming_the_field() =>
        Assert.Equal(
            "effectiveFrom: 2026-11-30T23:59:59.999Z is in the past (now is 2026-12-01T00:00:00Z); a rate change applies from now or later, never backdated",
            FeePlanRules.EffectiveFrom(null, Dec.AddMilliseconds(-1), now: Dec));

    [Fact]
    public void A_change_taking_effect_before_the_latest_version_is_refused() =>
        Assert.Equal(
            "effectiveFrom: 2026-06-01T00:00:00Z is before version 3's 2026-12-01T00:00:00Z; a version takes effect no earlier than the one before it",
            FeePlanRules.EffectiveFrom(Plan, Jan.AddMonths(5), now: Jan));

    [Theory]
    [InlineData("std-2026", null)]
    [InlineData("flat/1", null)]
    [InlineData("", "id: '' must be 1 to 64 printable ASCII characters without spaces")]
    [InlineData("std 2026", "id: 'std 2026' must be 1 to 64 printable ASCII characters without spaces")]
    public void A_plan_id_is_printable_ascii_without_spaces(string id, string? error) => Assert.Equal(error, FeePlanRules.Id(id));

    [Fact]
    public void Fixed_fees_are_0_or_more_minor_units()
    {
        Assert.Null(FeePlanRules.Check(Standard with { CardFixedMinor = 0, QrFixedMinor = FeePlanRules.MaxFixedMinor }));
        Assert.Equal("qrFixed: -1 is not a whole number of minor units from 0 to 999999999999", FeePlanRules.Check(Standard with { QrFixedMinor = -1 }));
    }

    private static FeePlanVersion Version(int version, DateTimeOffset effectiveFrom, FeeTerms terms) =>
        new(version, effectiveFrom, terms, "ops@example", Jan);
}
