using Switch.Actors.Registry;
using Switch.Actors.Risk;
using Switch.Actors.Risk.Conditions;
using static Switch.Tests.Actors.Risk.RiskTestSettings;

namespace Switch.Tests.Actors.Risk;

public sealed class RiskEngineTests
{
    private static readonly ScoreSettings NoScore = new([], 50, 90);

    private static RiskEngine Engine(ScoreSettings? score = null, params (string Name, string When, RiskAction Action)[] rules) =>
        new(new RiskSettings(
            RiskTestSettings.Features,
            BinTable.Empty,
            [.. rules.Select(r => new RiskRule(r.Name, Condition.Parse(r.When), r.Action))],
            score ?? NoScore));

    [Theory]
    [InlineData(RiskAction.Allow)]
    [InlineData(RiskAction.Challenge)]
    [InlineData(RiskAction.Decline)]
    public void A_matching_rule_s_action_is_the_decision_and_names_the_rule(RiskAction action)
    {
        var engine = Engine(null, ("big", "amount >= 1000", action));

        var decision = engine.Decide(Input(1000), ChallengePolicy.Risk);

        Assert.Equal(action, decision.Action);
        Assert.Equal("big", decision.Rule);
        Assert.Equal($"rule big ({action.ToString().ToLowerInvariant()})", decision.Reasons[0]);
    }

    [Fact]
    public void Allow_rules_win_over_decline_rules_which_win_over_challenge_rules_whatever_the_listing_order()
    {
        var engine = Engine(
            null,
            ("challenge-it", "amount > 0", RiskAction.Challenge),
            ("decline-it", "amount > 100", RiskAction.Decline),
            ("trusted", "amount > 1000", RiskAction.Allow));

        Assert.Equal(("trusted", RiskAction.Allow), Outcome(engine.Decide(Input(5000), ChallengePolicy.Risk)));
        Assert.Equal(("decline-it", RiskAction.Decline), Outcome(engine.Decide(Input(500), ChallengePolicy.Risk)));
        Assert.Equal(("challenge-it", RiskAction.Challenge), Outcome(engine.Decide(Input(50), ChallengePolicy.Risk)));
        Assert.Equal((null, RiskAction.Allow), Outcome(engine.Decide(Input(0), ChallengePolicy.Risk)));
    }

    [Fact]
    public void Within_a_class_the_first_listed_match_decides()
    {
        var engine = Engine(null, ("first", "amount > 10", RiskAction.Challenge), ("second", "amount > 0", RiskAction.Challenge));

        Assert.Equal("first", engine.Decide(Input(100), ChallengePolicy.Risk).Rule);
        Assert.Equal("second", engine.Decide(Input(5), ChallengePolicy.Risk).Rule);
    }

    [Fact]
    public void The_score_sums_saturating_weighted_features_and_caps_at_100()
    {
        var score = new ScoreSettings(
            [new ScoreWeight("terminal_count_1m", 40, 10), new ScoreWeight("cross_border", 30, 1), new ScoreWeight("amount", 50, 10_000)],
            101,
            101);
        var engine = Engine(score);

        // terminal_count_1m 5 of 10 -> 20; cross_border 0; amount 1000 of 10000 -> 5.
        Assert.Equal(25, engine.Decide(Input(1000, terminal: Terminal(4)), ChallengePolicy.Risk).Score);
        // 40 (saturated) + 30 + 50 (saturated) = 120, capped.
        Assert.Equal(100, engine.Decide(Input(50_000, cardCountry: "US", terminal: Terminal(99)), ChallengePolicy.Risk).Score);
    }

    [Theory]
    [InlineData(3, RiskAction.Allow)]
    [InlineData(4, RiskAction.Challenge)]
    [InlineData(7, RiskAction.Challenge)]
    [InlineData(8, RiskAction.Decline)]
    public void Without_a_matching_rule_the_thresholds_decide(int previousTerminalUses, RiskAction expected)
    {
        // terminal_count_1m (previous + this one) x 10: 40, 50, 80, 90 against challenge-at 50 and decline-at 90.
        var engine = Engine(new ScoreSettings([new ScoreWeight("terminal_count_1m", 100, 10)], 50, 90));

        var decision = engine.Decide(Input(100, terminal: Terminal(previousTerminalUses)), ChallengePolicy.Risk);

        Assert.Equal(expected, decision.Action);
        Assert.Null(decision.Rule);
    }

    [Fact]
    public void Reasons_give_the_threshold_and_the_three_largest_contributions_largest_first()
    {
        var engine = Engine(new ScoreSettings(
            [
                new ScoreWeight("terminal_count_1m", 20, 10),
                new ScoreWeight("cross_border", 30, 1),
                new ScoreWeight("amount_vs_usual", 40, 10),
                new ScoreWeight("first_use_at_merchant", 10, 1),
                new ScoreWeight("night", 25, 1),
            ],
            50,
            90));
        var card = new CardActivity();
        card.Record(Use(Noon - TimeSpan.FromDays(2), 1000, "SHOP"));

        var decision = engine.Decide(Input(12_000, card, mid: "OTHER", cardCountry: "US", terminal: Terminal(2)), ChallengePolicy.Risk);

        Assert.Equal(RiskAction.Challenge, decision.Action);
        Assert.Equal(86, decision.Score);
        Assert.Equal(
            ["score 86 >= challenge-at 50", "amount_vs_usual=12 (+40)", "cross_border=1 (+30)", "first_use_at_merchant=1 (+10)"],
            decision.Reasons);
    }

    [Fact]
    public void The_score_is_reported_even_when_a_rule_decides()
    {
        var engine = Engine(new ScoreSettings([new ScoreWeight("amount", 30, 1000)], 50, 90), ("trusted", "amount > 0", RiskAction.Allow));

        var decision = engine.Decide(Input(2000), ChallengePolicy.Risk);

        Assert.Equal(30, decision.Score);
        Assert.Equal(["rule trusted (allow)", "amount=2000 (+30)"], decision.Reasons);
    }

    [Theory]
    [InlineData(RiskAction.Allow, ChallengePolicy.Always, RiskAction.Challenge)]
    [InlineData(RiskAction.Challenge, ChallengePolicy.Always, RiskAction.Challenge)]
    [InlineData(RiskAction.Decline, ChallengePolicy.Always, RiskAction.Decline)]
    [InlineData(RiskAction.Allow, ChallengePolicy.Never, RiskAction.Allow)]
    [InlineData(RiskAction.Challenge, ChallengePolicy.Never, RiskAction.Allow)]
    [InlineData(RiskAction.Decline, ChallengePolicy.Never, RiskAction.Decline)]
    [InlineData(RiskAction.Challenge, ChallengePolicy.Risk, RiskAction.Challenge)]
    public void The_merchant_s_policy_overrides_allow_and_challenge_but_never_a_decline(RiskAction byRisk, ChallengePolicy policy, RiskAction expected)
    {
        var engine = Engine(null, ("rule", "amount > 0", byRisk));

        var decision = engine.Decide(Input(100), policy);

        Assert.Equal(expected, decision.Action);
        Assert.Equal(expected != byRisk, decision.Reasons.Contains($"merchant challenge = {policy.ToString().ToLowerInvariant()}"));
    }

    [Fact]
    public void A_score_weight_on_a_text_or_unknown_feature_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Engine(new ScoreSettings([new ScoreWeight("mcc_group", 10, 1)], 50, 90)));
        Assert.Throws<ArgumentException>(() => Engine(new ScoreSettings([new ScoreWeight("nothing", 10, 1)], 50, 90)));
    }

    private static TerminalVelocity Terminal(int previousUsesInTheMinute) =>
        new(new ActivityTotals(previousUsesInTheMinute, 0), new ActivityTotals(previousUsesInTheMinute, 0));

    private static (string? Rule, RiskAction Action) Outcome(RiskDecision decision) => (decision.Rule, decision.Action);
}
