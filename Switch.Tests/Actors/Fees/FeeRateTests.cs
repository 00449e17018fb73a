using CsCheck;
using Switch.Actors.Fees;

namespace Switch.Tests.Actors.Fees;

/// <summary>Rates as percentages: read exactly into parts per million, written back the same, mistakes named.</summary>
public sealed class FeeRateTests
{
    [Theory]
    [InlineData("0.60%", 6_000)]
    [InlineData("0.55%", 5_500)]
    [InlineData("0.38%", 3_800)]
    [InlineData("0.6%", 6_000)]
    [InlineData("0.6025%", 6_025)]
    [InlineData("0.0001%", 1)]
    [InlineData("1%", 10_000)]
    [InlineData("0%", 0)]
    [InlineData("100%", 1_000_000)]
    [InlineData("100.0000%", 1_000_000)]
    public void A_percentage_is_read_exactly(string text, int partsPerMillion)
    {
        Assert.True(FeeRate.TryParse(text, out var rate, out _));
        Assert.Equal(partsPerMillion, rate.PartsPerMillion);
    }

    [Theory]
    [InlineData("0.6", "'0.6' is not a percentage such as 0.60%")]
    [InlineData("0,60%", "'0,60%' is not a percentage such as 0.60%")]
    [InlineData("%", "'%' is not a percentage such as 0.60%")]
    [InlineData(".6%", "'.6%' is not a percentage such as 0.60%")]
    [InlineData("0.%", "'0.%' is not a percentage such as 0.60%")]
    [InlineData(" 0.60%", "' 0.60%' is not a percentage such as 0.60%")]
    [InlineData("1e-2%", "'1e-2%' is not a percentage such as 0.60%")]
    [InlineData("-0.60%", "'-0.60%' is negative; a rate is 0% or more")]
    [InlineData("0.60255%", "'0.60255%' has more than 4 decimals; the finest rate is 0.0001%")]
    [InlineData("100.0001%", "'100.0001%' is above 100%")]
    [InlineData("1000%", "'1000%' is not a percentage such as 0.60%")]
    public void A_malformed_rate_is_refused_saying_why(string text, string problem)
    {
        Assert.False(FeeRate.TryParse(text, out _, out var error));
        Assert.Equal(problem, error);
    }

    [Theory]
    [InlineData(6_000, "0.60%")]
    [InlineData(3_800, "0.38%")]
    [InlineData(6_025, "0.6025%")]
    [InlineData(6_020, "0.602%")]
    [InlineData(10_000, "1.00%")]
    [InlineData(0, "0.00%")]
    [InlineData(1_000_000, "100.00%")]
    public void A_rate_is_written_with_2_to_4_decimals(int partsPerMillion, string text) =>
        Assert.Equal(text, new FeeRate(partsPerMillion).ToString());

    [Fact]
    public void Every_rate_reads_back_as_written() =>
        Gen.Int[0, FeeRate.MaxPartsPerMillion].Sample(parts =>
            FeeRate.TryParse(new FeeRate(parts).ToString(), out var read, out _) && read.PartsPerMillion == parts);

    [Fact]
    public void Basis_points_are_hundredths_of_a_percent() => Assert.Equal(5_500, FeeRate.FromBasisPoints(55).PartsPerMillion);

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public void A_rate_outside_0_to_100_percent_cannot_be_made(int partsPerMillion) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeRate(partsPerMillion));
}
