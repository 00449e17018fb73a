using Switch.Actors.Risk;
using Switch.Host.Configuration;

using Switch.Tests.Support;

namespace Switch.Tests.Host;

public sealed class RiskSettingsReaderTests : IDisposable
{
    private readonly Overlays _overlays = new();

    public void Dispose() => _overlays.Dispose();

    [Fact]
    public void The_shipped_risk_defaults_parse()
    {
        var risk = RiskSettingsReader.Read(SwitchConfiguration.Load([], Overlays.NoEnvironment));

        Assert.Equal(200, risk.Features.SmallAmountMinor);
        Assert.Equal(TimeSpan.FromHours(8), risk.Features.UtcOffset);
        Assert.Equal(new NightHours(23, 6), risk.Features.Night);
        Assert.Equal(MccGroup.Grocery, risk.Features.Mcc.Group("5411"));
        Assert.Equal(MccGroup.Retail, risk.Features.Mcc.Group("5311"));
        Assert.Equal(MccGroup.Travel, risk.Features.Mcc.Group("3512"));
        Assert.Equal(MccGroup.Cash, risk.Features.Mcc.Group("6011"));
        Assert.Equal(MccGroup.Other, risk.Features.Mcc.Group("8062"));
        foreach (var mcc in new[] { "7995", "6051", "5967", "4829" })
        {
            Assert.Equal(MccRiskClass.High, risk.Features.Mcc.RiskClass(mcc));
        }

        Assert.Equal("unionpay", risk.Bins.Lookup("6212345678901234".AsSpan())?.Scheme);
        Assert.Equal(
            ["card-testing", "large-vs-usual", "large-amount", "night-cross-border", "high-risk-mcc", "after-declines"],
            risk.Rules.Select(r => r.Name));
        Assert.Equal(RiskAction.Decline, risk.Rules[0].Action);
        Assert.Equal((60, 90), (risk.Score.ChallengeAt, risk.Score.DeclineAt));
        Assert.Contains(risk.Score.Weights, w => w.Feature == "card_small_merchants_1h");
        _ = new RiskEngine(risk);
    }

    [Fact]
    public void The_shipped_offers_parse_and_fit_field_63()
    {
        var offers = OfferSettingsReader.Read(SwitchConfiguration.Load([], Overlays.NoEnvironment));

        Assert.Equal(["grocery-5", "instalments"], offers.Offers.Select(o => o.Id));
        Assert.All(offers.Offers, o => Assert.Null(Switch.Actors.Offers.OfferText.Problem(o.Text)));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), offers.Offers[0].ValidFrom);
    }

    [Fact]
    public void An_overlay_replaces_one_group_s_codes_and_can_carve_a_code_out_of_a_range()
    {
        var overlay = _overlays.Write("""switch.risk.mcc-groups { digital = [ "5999" ], gambling = [ "7995", "7800-7809" ] }""");

        var mcc = RiskSettingsReader.Read(SwitchConfiguration.Load([overlay], Overlays.NoEnvironment)).Features.Mcc;

        Assert.Equal(MccGroup.Digital, mcc.Group("5999"));
        Assert.Equal(MccGroup.Retail, mcc.Group("5998"));
        // The list replaces the default one whole: 5816 is no longer listed as digital.
        Assert.Equal(MccGroup.Retail, mcc.Group("5816"));
        Assert.Equal(MccGroup.Gambling, mcc.Group("7809"));
    }

    [Fact]
    public void Offsets_west_of_utc_and_empty_lists_are_read()
    {
        var overlay = _overlays.Write("""switch.risk { utc-offset = "-05:30", rules = [], bins = [] }""" + "\nswitch.offers = []");
        var config = SwitchConfiguration.Load([overlay], Overlays.NoEnvironment);

        var risk = RiskSettingsReader.Read(config);

        Assert.Equal(TimeSpan.FromMinutes(-330), risk.Features.UtcOffset);
        Assert.Empty(risk.Rules);
        Assert.Null(risk.Bins.Lookup("6212345678901234".AsSpan()));
        Assert.Empty(OfferSettingsReader.Read(config).Offers);
    }

    [Theory]
    [InlineData("switch.risk.small-amount = -1", "switch.risk.small-amount")]
    [InlineData("switch.risk.utc-offset = \"08:00\"", "switch.risk.utc-offset")]
    [InlineData("switch.risk.utc-offset = \"+15:00\"", "switch.risk.utc-offset")]
    [InlineData("switch.risk.night.to = 24", "switch.risk.night.to")]
    [InlineData("switch.risk.bins = [ { prefix = \"62x\", country = CN } ]", "switch.risk.bins[0].prefix")]
    [InlineData("switch.risk.bins = [ { prefix = \"62\", country = China } ]", "switch.risk.bins[0].country")]
    [InlineData("switch.risk.bins = [ { prefix = \"62\" }, { prefix = \"62\" } ]", "switch.risk.bins")]
    [InlineData("switch.risk.mcc-groups.shoes = [ \"5661\" ]", "switch.risk.mcc-groups.shoes")]
    [InlineData("switch.risk.mcc-groups.fuel = [ \"5541\", \"55-42\" ]", "switch.risk.mcc-groups.fuel[1]")]
    [InlineData("switch.risk.mcc-groups.fuel = [ \"5411\" ]", "switch.risk.mcc-groups")]
    [InlineData("switch.risk.mcc-risk.extreme = [ \"7995\" ]", "switch.risk.mcc-risk.extreme")]
    [InlineData("switch.risk.mcc-risk.medium = [ \"7995\" ]", "switch.risk.mcc-risk")]
    [InlineData("switch.risk.rules = [ { name = a, when = \"amount > 1\", action = block } ]", "switch.risk.rules[0].action")]
    [InlineData("switch.risk.rules = [ { name = a, action = decline } ]", "switch.risk.rules[0].when")]
    [InlineData("switch.risk.rules = [ { name = a, when = \"amount > 1\", action = allow }, { name = b, when = \"amount >\", action = allow } ]", "switch.risk.rules[1].when")]
    [InlineData("switch.risk.rules = [ { name = a, when = \"amount > 1\", action = allow }, { name = a, when = \"amount > 2\", action = allow } ]", "switch.risk.rules")]
    [InlineData("switch.risk.score.challenge-at = 0", "switch.risk.score.challenge-at")]
    [InlineData("switch.risk.score { challenge-at = 80, decline-at = 70 }", "switch.risk.score.decline-at")]
    [InlineData("switch.risk.score.features = [ { feature = mcc_group, weight = 10, saturate-at = 1 } ]", "switch.risk.score.features[0].feature")]
    [InlineData("switch.risk.score.features = [ { feature = amount, weight = 0, saturate-at = 1 } ]", "switch.risk.score.features[0].weight")]
    [InlineData("switch.risk.score.features = [ { feature = amount, weight = 5, saturate-at = 0 } ]", "switch.risk.score.features[0].saturate-at")]
    [InlineData("switch.risk.score.features = [ { feature = amount, weight = 5, saturate-at = 1 }, { feature = amount, weight = 5, saturate-at = 2 } ]", "switch.risk.score.features")]
    [InlineData("switch.risk = 3", "switch.risk")]
    public void A_bad_risk_setting_names_its_key(string overlay, string key)
    {
        var path = _overlays.Write(overlay);
        var error = Assert.Throws<ConfigurationKeyException>(() => RiskSettingsReader.Read(SwitchConfiguration.Load([path], Overlays.NoEnvironment)));
        Assert.Equal(key, error.Key);
        Assert.StartsWith(key + ": ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text = \"caf\u00e9\"", "switch.offers[0].text")]
    [InlineData("text = \"\"", "switch.offers[0].text")]
    [InlineData("when = \"spend_31d_grocery > 1\"", "switch.offers[0].when")]
    [InlineData("valid-from = \"next week\"", "switch.offers[0].valid-from")]
    [InlineData("valid-to = \"2024-12-31\"", "switch.offers[0].valid-to")]
    [InlineData("priority = -1", "switch.offers[0].priority")]
    [InlineData("id = \"\"", "switch.offers[0].id")]
    public void A_bad_offer_setting_names_its_key(string change, string key)
    {
        var path = _overlays.Write($$"""
            switch.offers = [
              { id = a, text = "Hello", when = "amount > 1", valid-from = "2025-01-01", valid-to = "2026-01-01", priority = 1, {{change}} }
            ]
            """);
        var error = Assert.Throws<ConfigurationKeyException>(() => OfferSettingsReader.Read(SwitchConfiguration.Load([path], Overlays.NoEnvironment)));
        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void A_condition_error_carries_its_column_under_the_key()
    {
        var path = _overlays.Write("""switch.risk.rules = [ { name = a, when = "amount > 1 and nigth = 1", action = challenge } ]""");

        var error = Assert.Throws<ConfigurationKeyException>(() => RiskSettingsReader.Read(SwitchConfiguration.Load([path], Overlays.NoEnvironment)));

        Assert.Equal("switch.risk.rules[0].when: at column 16: 'nigth' is not a feature (the risk block of switch.conf lists them)", error.Message);
    }

    [Fact]
    public void Two_offers_with_one_id_are_refused()
    {
        var path = _overlays.Write("""
            switch.offers = [
              { id = a, text = "Hello", when = "amount > 1", valid-from = "2025-01-01", valid-to = "2026-01-01", priority = 1 },
              { id = a, text = "Again", when = "amount > 1", valid-from = "2025-01-01", valid-to = "2026-01-01", priority = 2 }
            ]
            """);

        var error = Assert.Throws<ConfigurationKeyException>(() => OfferSettingsReader.Read(SwitchConfiguration.Load([path], Overlays.NoEnvironment)));

        Assert.Equal("switch.offers", error.Key);
    }

}
