using Switch.Actors.Risk;
using static Switch.Tests.Actors.Risk.RiskTestSettings;

namespace Switch.Tests.Actors.Risk;

public sealed class FeatureExtractorTests
{
    private static RiskFeatures Extract(RiskInput input) => FeatureExtractor.Extract(input, Features);

    [Fact]
    public void Velocity_counts_the_request_being_decided_on_top_of_the_history()
    {
        var card = new CardActivity();
        card.Record(Use(Noon - TimeSpan.FromHours(3), 700));
        card.Record(Use(Noon - TimeSpan.FromMinutes(10), 300));
        card.Record(Use(Noon - TimeSpan.FromSeconds(5), 200, approved: false, byRisk: true));

        var features = Extract(Input(1000, card));

        Assert.Equal(1000, features.Number("amount"));
        Assert.Equal(2, features.Number("card_count_1m"));
        Assert.Equal(1200, features.Number("card_sum_1m"));
        Assert.Equal(3, features.Number("card_count_1h"));
        Assert.Equal(1500, features.Number("card_sum_1h"));
        Assert.Equal(4, features.Number("card_count_24h"));
        Assert.Equal(2200, features.Number("card_sum_24h"));
        Assert.Equal(1, features.Number("card_declines_24h"));
        Assert.Equal(1, features.Number("card_risk_declines_24h"));
    }

    [Fact]
    public void Terminal_velocity_adds_the_request_to_what_the_terminal_reported()
    {
        var terminal = new TerminalVelocity(new ActivityTotals(4, 4000), new ActivityTotals(40, 40000));

        var features = Extract(Input(500, terminal: terminal));

        Assert.Equal(5, features.Number("terminal_count_1m"));
        Assert.Equal(4500, features.Number("terminal_sum_1m"));
        Assert.Equal(41, features.Number("terminal_count_1h"));
        Assert.Equal(40500, features.Number("terminal_sum_1h"));
    }

    [Fact]
    public void Card_testing_features_count_small_amounts_and_their_merchants_including_this_one()
    {
        var card = new CardActivity();
        card.Record(Use(Noon - TimeSpan.FromMinutes(5), 100, "A", approved: false));
        card.Record(Use(Noon - TimeSpan.FromMinutes(4), 150, "B", approved: false));
        card.Record(Use(Noon - TimeSpan.FromMinutes(3), 5000, "C"));

        var atNewMerchant = Extract(Input(120, card, mid: "D"));
        var atKnownMerchant = Extract(Input(120, card, mid: "A"));
        var notSmall = Extract(Input(201, card, mid: "E"));

        Assert.Equal(3, atNewMerchant.Number("card_small_count_1h"));
        Assert.Equal(3, atNewMerchant.Number("card_small_merchants_1h"));
        Assert.Equal(2, atKnownMerchant.Number("card_small_merchants_1h"));
        Assert.Equal(2, notSmall.Number("card_small_count_1h"));
        Assert.Equal(2, notSmall.Number("card_small_merchants_1h"));
    }

    [Fact]
    public void Amount_vs_usual_compares_with_the_average_approved_amount_in_the_group_over_90_days()
    {
        var card = new CardActivity();
        card.Record(Use(Noon - TimeSpan.FromDays(60), 1000, mcc: Grocery));
        card.Record(Use(Noon - TimeSpan.FromDays(10), 3000, mcc: Grocery));
        card.Record(Use(Noon - TimeSpan.FromDays(1), 99_000, mcc: Grocery, approved: false));
        card.Record(Use(Noon - TimeSpan.FromDays(2), 8000, mcc: Fuel));

        var grocery = Extract(Input(10_000, card, mcc: Grocery));
        var gambling = Extract(Input(10_000, card, mcc: Gambling));

        Assert.Equal(5, grocery.Number("amount_vs_usual"));
        Assert.Equal(2.5, grocery.Number("amount_vs_usual_all"));
        Assert.Equal(0, gambling.Number("amount_vs_usual"));
        Assert.Equal(0, Extract(Input(10_000)).Number("amount_vs_usual_all"));
    }

    [Fact]
    public void Spend_features_are_per_group_for_30_and_90_days()
    {
        var card = new CardActivity();
        card.Record(Use(Noon - TimeSpan.FromDays(45), 1000, mcc: Grocery));
        card.Record(Use(Noon - TimeSpan.FromDays(3), 2500, mcc: Grocery));
        card.Record(Use(Noon - TimeSpan.FromDays(3), 700, mcc: Fuel));

        var features = Extract(Input(100, card));

        Assert.Equal(2500, features.Number("spend_30d_grocery"));
        Assert.Equal(3500, features.Number("spend_90d_grocery"));
        Assert.Equal(1, features.Number("count_30d_grocery"));
        Assert.Equal(2, features.Number("count_90d_grocery"));
        Assert.Equal(700, features.Number("spend_30d_fuel"));
        Assert.Equal(0, features.Number("spend_90d_travel"));
    }

    [Theory]
    [InlineData("CN", "CN", 0)]
    [InlineData("CN", "cn", 0)]
    [InlineData("CN", "US", 1)]
    [InlineData("CN", null, 0)]
    [InlineData("", "US", 0)]
    public void Cross_border_needs_both_countries_known_and_different(string merchantCountry, string? cardCountry, double expected) =>
        Assert.Equal(expected, Extract(Input(100, merchantCountry: merchantCountry, cardCountry: cardCountry)).Number("cross_border"));

    [Fact]
    public void Merchant_features_come_from_the_mcc_and_the_card_s_history_there()
    {
        var card = new CardActivity();
        card.Record(Use(Noon - TimeSpan.FromDays(3), 100, "KNOWN"));

        var known = Extract(Input(100, card, mid: "KNOWN"));
        var gambling = Extract(Input(100, card, mid: "NEW", mcc: Gambling, cardCountry: null));

        Assert.Equal(0, known.Number("first_use_at_merchant"));
        Assert.Equal(0, known.Number("mcc_risk"));
        Assert.Equal("grocery", known.Text("mcc_group"));
        Assert.Equal(1, gambling.Number("first_use_at_merchant"));
        Assert.Equal(2, gambling.Number("mcc_risk"));
        Assert.Equal("gambling", gambling.Text("mcc_group"));
        Assert.Equal("7995", gambling.Text("mcc"));
        Assert.Equal("NEW", gambling.Text("mid"));
        Assert.Equal("CN", gambling.Text("merchant_country"));
        Assert.Equal(string.Empty, gambling.Text("card_country"));
    }

    [Theory]
    [InlineData(0, 0, 0, 1)]
    [InlineData(5, 59, 5, 1)]
    [InlineData(6, 0, 6, 0)]
    [InlineData(23, 30, 23, 0)]
    public void Hour_and_night_are_in_local_time(int utcHour, int minute, int hour, int night)
    {
        var now = new DateTimeOffset(2025, 6, 15, utcHour, minute, 0, TimeSpan.Zero);

        var features = Extract(Input(100, now: now));

        Assert.Equal(hour, features.Number("hour"));
        Assert.Equal(night, features.Number("night"));
    }

    [Fact]
    public void The_configured_offset_moves_the_hour_and_night_can_span_midnight()
    {
        var settings = Features with { UtcOffset = TimeSpan.FromHours(8), Night = new NightHours(23, 6) };
        var features = FeatureExtractor.Extract(Input(100, now: new DateTimeOffset(2025, 6, 15, 16, 0, 0, TimeSpan.Zero)), settings);

        Assert.Equal(0, features.Number("hour"));
        Assert.Equal(1, features.Number("night"));
        Assert.True(new NightHours(23, 6).Contains(23));
        Assert.False(new NightHours(23, 6).Contains(6));
        Assert.False(new NightHours(3, 3).Contains(3));
    }

    [Fact]
    public void Every_catalogued_feature_has_a_value_and_unknown_names_are_refused()
    {
        var features = Extract(Input(100));

        foreach (var feature in FeatureCatalog.All)
        {
            if (feature.Kind == FeatureKind.Number)
            {
                Assert.True(double.IsFinite(features.Number(feature.Name)), feature.Name);
            }
            else
            {
                Assert.NotNull(features.Text(feature.Name));
            }
        }

        Assert.Throws<KeyNotFoundException>(() => features.Number("card_count_2h"));
        Assert.Throws<KeyNotFoundException>(() => features.Number("mcc_group"));
        Assert.Throws<KeyNotFoundException>(() => features.Text("amount"));
    }

    [Fact]
    public void The_catalogue_names_are_the_documented_vocabulary()
    {
        string[] documented =
        [
            "amount", "amount_vs_usual", "amount_vs_usual_all", "card_count_1m", "card_count_1h", "card_count_24h",
            "card_sum_1m", "card_sum_1h", "card_sum_24h", "terminal_count_1m", "terminal_count_1h", "terminal_sum_1m",
            "terminal_sum_1h", "card_declines_24h", "card_risk_declines_24h", "card_small_count_1h", "card_small_merchants_1h",
            "cross_border", "mcc_risk", "first_use_at_merchant", "hour", "night",
            "mcc_group", "mcc", "mid", "merchant_country", "card_country",
        ];
        var names = FeatureCatalog.All.Select(f => f.Name).ToHashSet();

        Assert.Subset(names, documented.ToHashSet());
        foreach (var group in Enum.GetValues<MccGroup>().Select(FeatureCatalog.Name))
        {
            Assert.Subset(names, new HashSet<string> { $"spend_30d_{group}", $"spend_90d_{group}", $"count_30d_{group}", $"count_90d_{group}" });
        }

        Assert.Equal(documented.Length + (4 * Enum.GetValues<MccGroup>().Length), names.Count);
    }
}
