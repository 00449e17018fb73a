namespace Switch.Actors.Fees;

/// <summary>
/// Fees in minor units, integers only. The one rounding rule: the rate's part of a fee is rounded
/// half up to the minor unit (0.5 and above goes up: 1,250 at 0.60% is 7.5, charged 8), then the
/// fixed fee is added. The merchant's fee and the acquirer's cost follow the same rule, so a
/// merchant can check any fee with a calculator.
/// </summary>
public static class FeeCalculator
{
    /// <summary>The largest amount field 4 (n12) can carry.</summary>
    public const long MaxAmountMinor = 999_999_999_999;

    private const long PartsPerMillion = 1_000_000;

    /// <summary>round_half_up(amount × rate) + fixed. Exact: the product is taken in 128 bits.</summary>
    public static long Apply(long amountMinor, FeeRate rate, long fixedMinor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amountMinor);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amountMinor, MaxAmountMinor);
        ArgumentOutOfRangeException.ThrowIfNegative(fixedMinor);
        var share = ((Int128)amountMinor * rate.PartsPerMillion + (PartsPerMillion / 2)) / PartsPerMillion;
        // The share is at most the amount (a rate is at most 100%), so only the fixed fee can overflow.
        return checked((long)share + fixedMinor);
    }

    /// <summary>The fee under <paramref name="version"/> of <paramref name="planId"/>, the acquirer's cost and the margin.</summary>
    public static FeeBreakdown Compute(string planId, FeePlanVersion version, FeeInstrument instrument, long amountMinor, AcquirerCharge acquirer)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(acquirer);
        var fee = Apply(amountMinor, version.Terms.Rate(instrument), version.Terms.FixedMinor(instrument));
        var cost = Apply(amountMinor, acquirer.Rate, acquirer.FixedMinor);
        return new FeeBreakdown(planId, version.Version, instrument, fee, cost, fee - cost);
    }
}
