using CsCheck;
using Switch.Actors.Fees;

namespace Switch.Tests.Actors.Fees;

/// <summary>The one rounding rule: amount × rate rounded half up to the minor unit, plus the fixed fee; integers only.</summary>
public sealed class FeeCalculatorTests
{
    private const long Max = FeeCalculator.MaxAmountMinor;

    private static readonly FeeRate Card = new(6_000);
    private static readonly Gen<long> Amounts = Gen.Long[0, Max];
    private static readonly Gen<FeeRate> Rates = Gen.Int[0, FeeRate.MaxPartsPerMillion].Select(parts => new FeeRate(parts));
    private static readonly Gen<long> Fixed = Gen.Long[0, 1_000_000];

    [Theory]
    [InlineData(1_250, 6_000, 8)] // 7.5 exactly: half goes up
    [InlineData(1_249, 6_000, 7)] // 7.494
    [InlineData(1_251, 6_000, 8)] // 7.506
    [InlineData(2_500, 6_000, 15)] // 15 exactly
    [InlineData(125, 38_000, 5)] // 4.75
    [InlineData(1, 500_000, 1)] // 0.5 of a minor unit goes up
    [InlineData(1, 499_999, 0)]
    [InlineData(83, 6_000, 0)] // 0.498
    [InlineData(84, 6_000, 1)] // 0.504
    [InlineData(1, 6_000, 0)] // a tiny amount pays no rate
    [InlineData(0, 6_000, 0)]
    [InlineData(100_000, 3_800, 380)] // 1,000.00 at 0.38% is 3.80
    [InlineData(100_000, 5_500, 550)]
    [InlineData(Max, 6_000, 6_000_000_000)] // 5,999,999,999.994
    [InlineData(Max, 5_500, 5_500_000_000)] // 5,499,999,999.9945
    [InlineData(999_999_999_750, 6_000, 5_999_999_999)] // 5,999,999,998.5 exactly: up
    [InlineData(999_999_999_749, 6_000, 5_999_999_998)] // 5,999,999,998.494
    [InlineData(Max, 1_000_000, Max)]
    [InlineData(Max, 0, 0)]
    public void The_rate_s_part_is_rounded_half_up_to_the_minor_unit(long amount, int partsPerMillion, long fee) =>
        Assert.Equal(fee, FeeCalculator.Apply(amount, new FeeRate(partsPerMillion), fixedMinor: 0));

    [Fact]
    public void The_fixed_fee_is_added_after_rounding_and_the_largest_fee_does_not_overflow()
    {
        Assert.Equal(8 + 30, FeeCalculator.Apply(1_250, Card, 30));
        Assert.Equal(30, FeeCalculator.Apply(0, Card, 30));
        Assert.Equal(Max + FeePlanRules.MaxFixedMinor, FeeCalculator.Apply(Max, new FeeRate(FeeRate.MaxPartsPerMillion), FeePlanRules.MaxFixedMinor));
    }

    [Theory]
    [InlineData(-1L, 0L)]
    [InlineData(Max + 1, 0L)]
    [InlineData(1L, -1L)]
    public void A_negative_or_too_large_amount_or_a_negative_fixed_fee_is_a_programming_error(long amount, long fixedMinor) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeCalculator.Apply(amount, Card, fixedMinor));

    [Fact]
    public void The_fee_matches_exact_decimal_arithmetic_rounded_half_up() =>
        Gen.Select(Amounts, Rates, Fixed).Sample((amount, rate, fixedMinor) =>
            FeeCalculator.Apply(amount, rate, fixedMinor)
                == (long)Math.Round(amount * (decimal)rate.PartsPerMillion / 1_000_000m, MidpointRounding.AwayFromZero) + fixedMinor);

    [Fact]
    public void The_fee_is_at_least_the_fixed_fee_and_at_most_amount_plus_fixed() =>
        Gen.Select(Amounts, Rates, Fixed).Sample((amount, rate, fixedMinor) =>
            FeeCalculator.Apply(amount, rate, fixedMinor) is var fee && fee >= fixedMinor && fee <= amount + fixedMinor);

    [Fact]
    public void A_larger_amount_never_pays_a_smaller_fee() =>
        Gen.Select(Gen.Long[0, Max - 1], Gen.Long[1, 1_000_000], Rates).Sample((amount, more, rate) =>
            FeeCalculator.Apply(Math.Min(Max, amount + more), rate, 0) >= FeeCalculator.Apply(amount, rate, 0));

    [Fact]
    public void A_round_amount_pays_its_exact_fee() =>
        Gen.Select(Gen.Long[0, Max / 1_000_000], Rates).Sample((millions, rate) =>
            FeeCalculator.Apply(millions * 1_000_000, rate, 0) == millions * rate.PartsPerMillion);

    [Fact]
    public void The_margin_is_the_fee_less_the_acquirer_s_cost_and_may_be_negative()
    {
        var version = new FeePlanVersion(3, DateTimeOffset.UnixEpoch, new FeeTerms(Card, new FeeRate(3_800), CardFixedMinor: 10, QrFixedMinor: 0), "ops", DateTimeOffset.UnixEpoch);

        var card = FeeCalculator.Compute("std", version, FeeInstrument.Card, 1_250, new AcquirerCharge(FeeRate.FromBasisPoints(55), 2));
        var qr = FeeCalculator.Compute("std", version, FeeInstrument.Qr, 100_000, new AcquirerCharge(FeeRate.FromBasisPoints(40), 5));

        Assert.Equal(new FeeBreakdown("std", 3, FeeInstrument.Card, 18, 9, 9), card); // 7.5 -> 8 + 10; 6.875 -> 7 + 2
        Assert.Equal(new FeeBreakdown("std", 3, FeeInstrument.Qr, 380, 405, -25), qr);
    }
}
