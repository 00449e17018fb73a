using Google.Protobuf;
using Switch.Actors.Events;
using Switch.Actors.Risk;
using static Switch.Tests.Actors.Risk.RiskTestSettings;

namespace Switch.Tests.Actors.Risk;

public sealed class CardActivityTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [Fact]
    public void Totals_count_every_use_inside_each_window_and_none_outside()
    {
        var card = new CardActivity();
        card.Record(Use(Noon - TimeSpan.FromHours(25), 1));
        card.Record(Use(Noon - TimeSpan.FromHours(23), 10));
        card.Record(Use(Noon - TimeSpan.FromMinutes(30), 100, approved: false));
        card.Record(Use(Noon - TimeSpan.FromSeconds(30), 1000));

        Assert.Equal(new ActivityTotals(1, 1000), card.Totals(Minute, Noon));
        Assert.Equal(new ActivityTotals(2, 1100), card.Totals(Hour, Noon));
        Assert.Equal(new ActivityTotals(3, 1110), card.Totals(Day, Noon));
        Assert.Equal(new ActivityTotals(0, 0), card.Totals(Minute, Noon + Hour));
    }

    [Fact]
    public void Declines_count_any_refusal_and_risk_declines_only_the_engine_s()
    {
        var card = new CardActivity();
        card.Record(Use(Noon - Hour, 500, approved: false));
        card.Record(Use(Noon - Minute, 500, approved: false, byRisk: true));
        card.Record(Use(Noon - Minute, 500));
        card.Record(Use(Noon - TimeSpan.FromHours(30), 500, approved: false));

        Assert.Equal(2, card.Declines(Day, Noon));
        Assert.Equal(1, card.RiskDeclines(Day, Noon));
    }

    [Fact]
    public void Small_amounts_count_uses_and_distinct_merchants_and_say_whether_one_was_here()
    {
        var card = new CardActivity();
        card.Record(Use(Noon - TimeSpan.FromMinutes(50), 100, "A", approved: false));
        card.Record(Use(Noon - TimeSpan.FromMinutes(40), 150, "B", approved: false));
        card.Record(Use(Noon - TimeSpan.FromMinutes(30), 200, "A", approved: false));
        card.Record(Use(Noon - TimeSpan.FromMinutes(20), 201, "C"));
        card.Record(Use(Noon - TimeSpan.FromMinutes(90), 50, "D"));

        Assert.Equal(new SmallAmounts(3, 2, AtMerchant: true), card.SmallAmounts(Hour, 200, "A", Noon));
        Assert.Equal(new SmallAmounts(3, 2, AtMerchant: false), card.SmallAmounts(Hour, 200, "C", Noon));
    }

    [Fact]
    public void Spend_is_approved_uses_per_group_over_the_last_days_today_included()
    {
        var card = new CardActivity();
        card.Record(Use(Noon - TimeSpan.FromDays(89), 7000, mcc: Grocery));
        card.Record(Use(Noon - TimeSpan.FromDays(29), 3000, mcc: Grocery));
        card.Record(Use(Noon - TimeSpan.FromDays(1), 1000, mcc: Grocery));
        card.Record(Use(Noon - TimeSpan.FromDays(1), 9999, mcc: Grocery, approved: false));
        card.Record(Use(Noon, 500, mcc: Fuel));
        card.Record(Use(Noon, 400, mcc: "0742"));

        var month = card.Spend(30, Mcc, Noon);
        var quarter = card.Spend(CardActivity.ProfileDays, Mcc, Noon);

        Assert.Equal(new ActivityTotals(2, 4000), month[MccGroup.Grocery]);
        Assert.Equal(new ActivityTotals(3, 11000), quarter[MccGroup.Grocery]);
        Assert.Equal(new ActivityTotals(1, 500), quarter[MccGroup.Fuel]);
        Assert.Equal(new ActivityTotals(1, 400), quarter[MccGroup.Other]);
        Assert.Equal(new ActivityTotals(5, 11900), quarter.All);
        Assert.Equal(0, card.Spend(30, Mcc, Noon + TimeSpan.FromDays(200)).All.Count);
    }

    [Fact]
    public void Spend_older_than_ninety_days_is_forgotten_when_a_later_day_is_recorded()
    {
        var card = new CardActivity();
        card.Record(Use(Noon - TimeSpan.FromDays(120), 7000));
        card.Record(Use(Noon, 100));

        Assert.Single(card.ToSnapshot().Spend);
    }

    [Fact]
    public void Only_approved_uses_make_a_merchant_familiar()
    {
        var card = new CardActivity();
        card.Record(Use(Noon, 100, "DECLINED", approved: false));
        card.Record(Use(Noon, 100, "APPROVED"));

        Assert.False(card.HasUsedMerchant("DECLINED"));
        Assert.True(card.HasUsedMerchant("APPROVED"));
    }

    [Fact]
    public void Every_part_stays_bounded_under_a_flood_of_uses()
    {
        var card = new CardActivity();
        for (var i = 0; i < 5000; i++)
        {
            card.Record(Use(Noon + TimeSpan.FromSeconds(i), 100, $"M{i}", mcc: (1000 + (i % 2000)).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var snapshot = card.ToSnapshot();
        Assert.Equal(CardActivity.MaxRecentUses, snapshot.Recent.Count);
        Assert.Equal(CardActivity.MaxMerchants, snapshot.Merchants.Count);
        Assert.True(snapshot.Spend.Count <= CardActivity.MaxSpendEntries);
        Assert.True(card.HasUsedMerchant("M4999"));
        Assert.False(card.HasUsedMerchant("M0"));
        Assert.Equal(CardActivity.MaxRecentUses, card.Totals(Day, Noon + TimeSpan.FromSeconds(5000)).Count);
    }

    [Fact]
    public void A_snapshot_restores_the_same_answers_and_survives_its_bytes()
    {
        var card = new CardActivity();
        card.Record(Use(Noon - TimeSpan.FromDays(40), 5000, "OLD", Grocery));
        card.Record(Use(Noon - TimeSpan.FromMinutes(30), 150, "A", Retail, approved: false, byRisk: true));
        card.Record(Use(Noon - TimeSpan.FromSeconds(10), 2500, "B", Fuel));

        var bytes = card.ToSnapshot().ToByteArray();
        var restored = CardActivity.FromSnapshot(CardActivitySnapshot.Parser.ParseFrom(bytes));

        Assert.Equal(card.ToSnapshot(), restored.ToSnapshot());
        foreach (var window in new[] { Minute, Hour, Day })
        {
            Assert.Equal(card.Totals(window, Noon), restored.Totals(window, Noon));
        }

        Assert.Equal(1, restored.RiskDeclines(Day, Noon));
        Assert.Equal(card.SmallAmounts(Hour, 200, "A", Noon), restored.SmallAmounts(Hour, 200, "A", Noon));
        Assert.Equal(card.Spend(90, Mcc, Noon)[MccGroup.Grocery], restored.Spend(90, Mcc, Noon)[MccGroup.Grocery]);
        Assert.True(restored.HasUsedMerchant("OLD"));
        Assert.False(restored.HasUsedMerchant("A"));
    }
}
