using Switch.Traffic.Scenarios;

namespace Switch.Tests.Traffic.Scenarios;

public sealed class ScenarioMixTests
{
    [Fact]
    public void A_mix_reads_its_weights_and_writes_itself_back_without_the_zeros()
    {
        Assert.True(ScenarioMix.TryParse(" purchase=70, challenge=10,wrong-code=5,reversal=0,DECLINE=10 ", out var mix, out var error), error);

        Assert.Equal(70, mix.Weight(Scenario.Purchase));
        Assert.Equal(0, mix.Weight(Scenario.Reversal));
        Assert.Equal(95, mix.Total);
        Assert.Equal(15, mix.ChallengedWeight);
        Assert.Equal(80, mix.PlainWeight);
        Assert.Equal("purchase=70,challenge=10,wrong-code=5,decline=10", mix.ToString());
        Assert.Equal(7, mix.MaxRequestsPerFlow);
    }

    [Theory]
    [InlineData("", "--mix: expected name=weight pairs")]
    [InlineData("purchase", "--mix: 'purchase' is not name=weight")]
    [InlineData("refund=1", "--mix: 'refund' is not a scenario (purchase, challenge, wrong-code, reversal, decline)")]
    [InlineData("purchase=1,purchase=2", "--mix: purchase is given twice")]
    [InlineData("challenge=-1", "--mix: challenge's weight '-1' is not a whole number 0..1000")]
    [InlineData("challenge=1001", "--mix: challenge's weight '1001' is not a whole number 0..1000")]
    [InlineData("decline=ten", "--mix: decline's weight 'ten' is not a whole number 0..1000")]
    [InlineData("purchase=0,decline=0", "--mix: at least one scenario needs a weight above 0")]
    public void A_bad_mix_is_refused_naming_the_option_and_what_is_wrong(string text, string expected)
    {
        Assert.False(ScenarioMix.TryParse(text, out _, out var error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fleet_is_split_by_the_groups_weights_interleaved_and_the_rate_follows_the_mix()
    {
        var mix = Parse("purchase=70,challenge=20,wrong-code=10");
        var plan = new FleetPlan(mix, terminals: 10);

        Assert.Equal(3, plan.ChallengeTerminals);
        Assert.Equal([3, 6, 9], Enumerable.Range(0, 10).Where(plan.IsChallengeTerminal));
        // The challenged terminals send 30% of the rate between them, the plain ones 70%, however the split rounds.
        Assert.Equal(0.3, Enumerable.Range(0, 10).Where(plan.IsChallengeTerminal).Sum(plan.RateShare), 9);
        Assert.Equal(1.0, Enumerable.Range(0, 10).Sum(plan.RateShare), 9);
        Assert.Equal([0, 20, 10, 0, 0], plan.Weights(3));
        Assert.Equal([70, 0, 0, 0, 0], plan.Weights(0));
    }

    [Fact]
    public void Every_group_keeps_a_terminal_and_one_terminal_cannot_hold_both()
    {
        Assert.Equal(1, new FleetPlan(Parse("purchase=999,challenge=1"), 3).ChallengeTerminals);
        Assert.Equal(2, new FleetPlan(Parse("purchase=1,challenge=999"), 3).ChallengeTerminals);
        Assert.Equal(3, new FleetPlan(Parse("challenge=1"), 3).ChallengeTerminals);
        Assert.Equal(0, new FleetPlan(Parse("reversal=1"), 3).ChallengeTerminals);
        Assert.StartsWith("--terminals:", FleetPlan.Validate(Parse("purchase=1,challenge=1"), 1), StringComparison.Ordinal);
        Assert.Null(FleetPlan.Validate(Parse("challenge=1"), 1));
    }

    [Fact]
    public void The_picker_keeps_the_mix_exactly_over_each_cycle_of_its_weights()
    {
        var picker = new ScenarioPicker([3, 0, 0, 1, 1], offset: 2);

        var cycle = Enumerable.Range(0, 5).Select(_ => picker.Next()).ToArray();

        Assert.Equal(3, cycle.Count(s => s == Scenario.Purchase));
        Assert.Equal(1, cycle.Count(s => s == Scenario.Reversal));
        Assert.Equal(1, cycle.Count(s => s == Scenario.Decline));
    }

    [Fact]
    public void Challenge_cards_have_phones_of_their_own_and_enough_of_them_for_the_run()
    {
        Assert.Equal("13900000000", ChallengeCards.Phone(0));
        Assert.Equal("13900012345", ChallengeCards.Phone(12345));
        Assert.NotEqual(ChallengeCards.Pan(0), ChallengeCards.Pan(1));
        var mix = Parse("purchase=90,challenge=10");
        // 1000/s for 60 s, a tenth challenged: 6000 flows, 2 a card.
        Assert.Equal(3000, ChallengeCards.Needed(mix, 1000, TimeSpan.FromSeconds(60), flowsPerCard: 2));
        Assert.Equal(ChallengeCards.MinimumDefault, ChallengeCards.Needed(mix, 1, TimeSpan.FromSeconds(1), flowsPerCard: 2));
        Assert.Equal(ChallengeCards.ClosedLoopDefault, ChallengeCards.Needed(mix, null, TimeSpan.FromSeconds(60), flowsPerCard: 2));
        var cards = new ChallengeCards(3);
        Assert.Equal([0, 1, 2, 0], Enumerable.Range(0, 4).Select(_ => cards.Deal()));
    }

    [Fact]
    public void A_mistyped_code_differs_in_its_last_digit_only()
    {
        Assert.Equal("123457", Flow.Mistype("123456"));
        Assert.Equal("000000", Flow.Mistype("000009"));
    }

    private static ScenarioMix Parse(string text) => ScenarioMix.TryParse(text, out var mix, out var error) ? mix : throw new ArgumentException(error);
}
