using Switch.Actors.Fees;

namespace Switch.Tests.Actors.Fees;

/// <summary>What a transaction asks of the published plans on the hot path.</summary>
public sealed class FeePlanDirectoryTests
{
    private static readonly DateTimeOffset Jan = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Dec = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly AcquirerCharge Acquirer = new(FeeRate.FromBasisPoints(50), 0);

    private static readonly FeePlan Plan = FeePlan.Create("std", new(1, Jan, new FeeTerms(new FeeRate(6_000), new FeeRate(3_800)), "configuration", Jan))
        .With(new(2, Dec, new FeeTerms(new FeeRate(5_500), new FeeRate(3_800), CardFixedMinor: 5), "ops@example", Jan));

    [Fact]
    public void Nothing_is_known_until_published_then_every_plan_is()
    {
        var directory = new FeePlanDirectory();
        Assert.False(directory.Published.IsCompleted);
        Assert.False(directory.TryFind("std", out _));

        directory.Publish([Plan]);

        Assert.True(directory.Published.IsCompleted);
        Assert.True(directory.TryFind("std", out var plan));
        Assert.Same(Plan, plan);
    }

    [Fact]
    public void The_fee_is_computed_under_the_version_in_force_at_the_transaction_s_instant()
    {
        var directory = new FeePlanDirectory();
        directory.Publish([Plan]);

        Assert.Equal(new FeeBreakdown("std", 1, FeeInstrument.Card, 600, 500, 100), directory.Compute("std", FeeInstrument.Card, 100_000, Dec.AddTicks(-1), Acquirer));
        Assert.Equal(new FeeBreakdown("std", 2, FeeInstrument.Card, 555, 500, 55), directory.Compute("std", FeeInstrument.Card, 100_000, Dec, Acquirer));
        Assert.Equal(new FeeBreakdown("std", 2, FeeInstrument.Qr, 380, 500, -120), directory.Compute("std", FeeInstrument.Qr, 100_000, Dec, Acquirer));
    }

    [Fact]
    public void An_unknown_plan_or_one_not_yet_in_force_computes_no_fee()
    {
        var directory = new FeePlanDirectory();
        directory.Publish([Plan]);

        Assert.Null(directory.Compute("none", FeeInstrument.Card, 100, Dec, Acquirer));
        Assert.Null(directory.Compute("std", FeeInstrument.Card, 100, Jan.AddTicks(-1), Acquirer));
    }

    [Fact]
    public void An_older_journal_version_never_replaces_a_newer_one_and_only_an_advance_is_told()
    {
        var directory = new FeePlanDirectory();
        var told = new List<long>();
        directory.Advanced = told.Add;

        directory.Publish([Plan], version: 3);
        directory.Publish([], version: 2);
        directory.Publish([Plan], version: 3);

        Assert.Equal(3, directory.Version);
        Assert.True(directory.TryFind("std", out _));
        Assert.Equal([3L], told);
    }
}
