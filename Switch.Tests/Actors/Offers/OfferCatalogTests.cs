using Switch.Actors.Offers;
using Switch.Actors.Risk;
using Switch.Actors.Risk.Conditions;
using Switch.Tests.Actors.Risk;
using static Switch.Tests.Actors.Risk.RiskTestSettings;

namespace Switch.Tests.Actors.Offers;

public sealed class OfferCatalogTests
{
    private static readonly DateTimeOffset Start = Noon - TimeSpan.FromDays(30);
    private static readonly DateTimeOffset End = Noon + TimeSpan.FromDays(30);

    [Fact]
    public void The_highest_priority_matching_offer_wins_and_ties_go_to_the_first_listed()
    {
        var catalog = new OfferCatalog(
        [
            Offer("low", "amount > 0", 1),
            Offer("high-but-no-match", "amount > 999999", 100),
            Offer("high", "mcc_group = grocery", 50),
            Offer("high-too", "amount > 0", 50),
        ]);

        Assert.Equal("high", catalog.Best(Features(1000), Noon)?.Id);
    }

    [Fact]
    public void An_offer_is_made_only_inside_its_validity_window()
    {
        var catalog = new OfferCatalog([Offer("once", "amount > 0", 1)]);

        Assert.Null(catalog.Best(Features(1000), Start - TimeSpan.FromTicks(1)));
        Assert.NotNull(catalog.Best(Features(1000), Start));
        Assert.NotNull(catalog.Best(Features(1000), End - TimeSpan.FromTicks(1)));
        Assert.Null(catalog.Best(Features(1000), End));
    }

    [Fact]
    public void The_condition_reads_the_card_s_spending_profile()
    {
        var catalog = new OfferCatalog([Offer("grocery-5", "mcc_group = grocery and spend_30d_grocery >= 3000", 10)]);
        var regular = new CardActivity();
        regular.Record(Use(Noon - TimeSpan.FromDays(3), 2000));
        regular.Record(Use(Noon - TimeSpan.FromDays(10), 1500));

        Assert.Equal("grocery-5", catalog.Best(Features(1000, regular), Noon)?.Id);
        Assert.Null(catalog.Best(Features(1000), Noon));
        Assert.Null(OfferCatalog.Empty.Best(Features(1000, regular), Noon));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Caf\u00e9 5% off")]
    [InlineData("two\nlines")]
    public void Text_that_field_63_cannot_carry_is_refused(string text)
    {
        Assert.NotNull(OfferText.Problem(text));
        Assert.Throws<ArgumentException>(() => new Offer("x", text, Condition.Parse("amount > 0"), Start, End, 1));
    }

    [Fact]
    public void Text_of_up_to_999_printable_characters_fits()
    {
        Assert.Null(OfferText.Problem(new string('~', 999)));
        Assert.Contains("1000 characters", OfferText.Problem(new string('a', 1000)), StringComparison.Ordinal);
    }

    private static Offer Offer(string id, string when, int priority) => new(id, $"Offer {id}", Condition.Parse(when), Start, End, priority);

    private static RiskFeatures Features(long amount, CardActivity? card = null) => FeatureExtractor.Extract(Input(amount, card), RiskTestSettings.Features);
}
