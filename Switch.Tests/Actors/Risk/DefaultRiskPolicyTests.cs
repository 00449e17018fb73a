using Switch.Actors.Events;
using Switch.Actors.Registry;
using Switch.Actors.Risk;
using Switch.Host.Configuration;

namespace Switch.Tests.Actors.Risk;

/// <summary>What the shipped hocon/switch.conf decides for the stories the demo tells.</summary>
public sealed class DefaultRiskPolicyTests
{
    private const string GroceryMid = "M00000000000001";
    private static readonly DateTimeOffset Afternoon = new(2025, 6, 15, 6, 0, 0, TimeSpan.Zero); // 14:00 in China
    private static readonly RiskSettings Settings = RiskSettingsReader.Read(SwitchConfiguration.Load([], _ => null));
    private static readonly RiskEngine Engine = new(Settings);

    [Fact]
    public void Ordinary_purchases_are_allowed()
    {
        var card = new CardActivity();
        long[] amounts = [3_580, 12_000, 4_250, 899];
        for (var i = 0; i < amounts.Length; i++)
        {
            var now = Afternoon + TimeSpan.FromMinutes(20 * i);
            var decision = Decide(card, amounts[i], GroceryMid, "5411", now, "CN");
            Assert.Equal(RiskAction.Allow, decision.Action);
            card.Record(Used(now, amounts[i], GroceryMid, "5411", decision));
        }
    }

    [Fact]
    public void A_card_testing_burst_is_declined_by_its_rule()
    {
        var card = new CardActivity();
        var decisions = new List<RiskDecision>();
        for (var i = 0; i < 6; i++)
        {
            var now = Afternoon + TimeSpan.FromMinutes(3 * i);
            var mid = $"M0000000000010{i % 4}";
            var decision = Decide(card, 100 + i, mid, "5999", now, "CN");
            decisions.Add(decision);
            var used = Used(now, 100 + i, mid, "5999", decision);
            // Half of what risk lets through is declined by the issuer, as stolen numbers often are.
            used.Approved &= i % 2 == 0;
            card.Record(used);
        }

        Assert.All(decisions.Take(4), d => Assert.NotEqual(RiskAction.Decline, d.Action));
        Assert.Equal(RiskAction.Decline, decisions[4].Action);
        Assert.Equal("card-testing", decisions[4].Rule);
    }

    [Fact]
    public void A_large_amount_against_the_card_s_usual_spend_is_challenged()
    {
        var card = new CardActivity();
        for (var day = 1; day <= 10; day++)
        {
            card.Record(new CardUsed { AtUnixMs = (Afternoon - TimeSpan.FromDays(day)).ToUnixTimeMilliseconds(), AmountMinor = 5_000, Mid = GroceryMid, Mcc = "5411", Approved = true });
        }

        var decision = Decide(card, 80_000, GroceryMid, "5411", Afternoon, "CN");

        Assert.Equal(RiskAction.Challenge, decision.Action);
        Assert.Equal("large-vs-usual", decision.Rule);
    }

    [Fact]
    public void A_foreign_card_at_night_is_challenged_and_by_day_allowed()
    {
        var night = new DateTimeOffset(2025, 6, 15, 18, 30, 0, TimeSpan.Zero); // 02:30 in China

        Assert.Equal("night-cross-border", Decide(new CardActivity(), 5_000, GroceryMid, "5411", night, "US").Rule);
        Assert.Equal(RiskAction.Allow, Decide(new CardActivity(), 5_000, GroceryMid, "5411", Afternoon, "US").Action);
    }

    [Fact]
    public void A_high_risk_mcc_is_challenged()
    {
        var decision = Decide(new CardActivity(), 5_000, "M00000000000009", "7995", Afternoon, "CN");

        Assert.Equal(("high-risk-mcc", RiskAction.Challenge), (decision.Rule, decision.Action));
    }

    [Fact]
    public void The_shipped_bin_table_knows_the_generator_s_test_cards_as_domestic()
    {
        Assert.Equal("CN", Settings.Bins.Lookup("4761739001010010".AsSpan())?.Country);
        Assert.Equal("US", Settings.Bins.Lookup("4111111111111111".AsSpan())?.Country);
        Assert.Null(Settings.Bins.Lookup("4000000000000002".AsSpan())?.Country);
    }

    private static RiskDecision Decide(CardActivity card, long amount, string mid, string mcc, DateTimeOffset now, string cardCountry) =>
        Engine.Decide(new RiskInput(amount, mid, mcc, "CN", cardCountry, card, default, now), ChallengePolicy.Risk);

    private static CardUsed Used(DateTimeOffset at, long amount, string mid, string mcc, RiskDecision decision) => new()
    {
        AtUnixMs = at.ToUnixTimeMilliseconds(),
        AmountMinor = amount,
        Mid = mid,
        Mcc = mcc,
        Approved = decision.Action == RiskAction.Allow,
        DeclinedByRisk = decision.Action == RiskAction.Decline,
    };
}
