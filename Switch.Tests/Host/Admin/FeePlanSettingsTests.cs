using Switch.Actors.Fees;
using Switch.Host.Configuration;

namespace Switch.Tests.Host.Admin;

/// <summary><c>switch.fee-plans</c>: the shipped plan, an operator's plans, and a bad key named.</summary>
public sealed class FeePlanSettingsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"switch-fee-config-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void The_shipped_plan_is_0_60_percent_card_and_0_38_percent_qr_always() =>
        Assert.Equal(
            [new FeePlanSeed("std-2026", new FeeTerms(new FeeRate(6_000), new FeeRate(3_800)), DateTimeOffset.UnixEpoch)],
            Read(string.Empty));

    [Fact]
    public void An_overlay_s_plans_replace_the_list_with_fixed_fees_and_effective_dates()
    {
        var plans = Read("""
            switch.fee-plans = [
              { id = "flat", card-rate = "0.55%", qr-rate = "0.3825%", card-fixed = 30, effective-from = "2026-01-01T08:00:00+08:00" }
              { id = "zero", card-rate = "0%", qr-rate = "0%" }
            ]
            """);

        Assert.Equal(
            [
                new FeePlanSeed("flat", new FeeTerms(new FeeRate(5_500), new FeeRate(3_825), CardFixedMinor: 30), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
                new FeePlanSeed("zero", new FeeTerms(FeeRate.Zero, FeeRate.Zero), DateTimeOffset.UnixEpoch),
            ],
            plans);
    }

    [Theory]
    [InlineData("""{ id = "p", card-rate = "0.6", qr-rate = "0.38%" }""", "switch.fee-plans[0].card-rate")]
    [InlineData("""{ id = "p", card-rate = "0.60%", qr-rate = "-1%" }""", "switch.fee-plans[0].qr-rate")]
    [InlineData("""{ id = "p", card-rate = "0.60%", qr-rate = "0.38%", qr-fixed = -5 }""", "switch.fee-plans[0].qr-fixed")]
    [InlineData("""{ id = "p", card-rate = "0.60%", qr-rate = "0.38%", effective-from = "soon" }""", "switch.fee-plans[0].effective-from")]
    [InlineData("""{ id = "a b", card-rate = "0.60%", qr-rate = "0.38%" }""", "switch.fee-plans[0].id")]
    [InlineData("""{ card-rate = "0.60%", qr-rate = "0.38%" }""", "switch.fee-plans[0].id")]
    [InlineData("""{ id = "p", card-rate = "0.60%", qr-rate = "0.38%" }, { id = "p", card-rate = "0.60%", qr-rate = "0.38%" }""", "switch.fee-plans")]
    public void A_bad_plan_stops_start_up_naming_the_key(string plans, string key)
    {
        var error = Assert.Throws<ConfigurationKeyException>(() => Read($"switch.fee-plans = [ {plans} ]"));

        Assert.Equal(key, error.Key);
    }

    private IReadOnlyList<FeePlanSeed> Read(string overlay)
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, overlay);
        return SwitchSettingsReader.Read(SwitchConfiguration.Load([path], _ => null)).FeePlans;
    }
}
