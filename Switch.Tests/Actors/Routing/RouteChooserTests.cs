using Switch.Actors.Routing;

namespace Switch.Tests.Actors.Routing;

public sealed class RouteChooserTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;
    private static readonly RouteRequest Card = new("47617390", "visa", PaymentInstrument.Card, 10_000, "156", "5411", "CN");

    [Fact]
    public void Priority_takes_the_first_usable_candidate_and_journals_why_the_others_were_passed_over()
    {
        var chooser = RouteRuleTests.Chooser(Table(Rule(RoutingStrategy.Priority)), up: ["acq-b", "acq-c"]);

        var decision = chooser.Choose(Card, ["acq-b"], T0);

        Assert.Equal(("all", "priority", "acq-c"), (decision.Rule, decision.Strategy, decision.Chosen));
        Assert.Equal(["acq-a:link_down", "acq-b:tried"], decision.Skipped.Select(s => $"{s.Acquirer}:{s.Reason}"));
    }

    [Fact]
    public void With_no_usable_candidate_nothing_is_chosen()
    {
        var chooser = RouteRuleTests.Chooser(Table(Rule(RoutingStrategy.Priority)), up: ["acq-a"]);

        var decision = chooser.Choose(Card, ["acq-a"], T0);

        Assert.Equal(string.Empty, decision.Chosen);
        Assert.Equal(3, decision.Skipped.Count);
    }

    [Theory]
    [InlineData(0.0, "acq-a")]
    [InlineData(0.69, "acq-a")]
    [InlineData(0.70, "acq-b")]
    [InlineData(0.99, "acq-c")]
    public void Weighted_splits_by_the_weights(double draw, string chosen)
    {
        var rule = Rule(RoutingStrategy.Weighted) with { Weights = new Dictionary<string, int> { ["acq-a"] = 70, ["acq-b"] = 20, ["acq-c"] = 10 } };

        Assert.Equal(chosen, RouteRuleTests.Chooser(Table(rule), new ScriptedRandom(draw)).Choose(Card, [], T0).Chosen);
    }

    [Fact]
    public void Weighted_splits_among_the_usable_only()
    {
        var rule = Rule(RoutingStrategy.Weighted) with { Weights = new Dictionary<string, int> { ["acq-a"] = 70, ["acq-b"] = 20, ["acq-c"] = 10 } };

        // 0.6 of the 30 left to acq-b and acq-c is 18: acq-b's 20.
        Assert.Equal("acq-b", RouteRuleTests.Chooser(Table(rule), new ScriptedRandom(0.6), up: ["acq-b", "acq-c"]).Choose(Card, [], T0).Chosen);
        Assert.Equal("acq-c", RouteRuleTests.Chooser(Table(rule), new ScriptedRandom(0.7), up: ["acq-b", "acq-c"]).Choose(Card, [], T0).Chosen);
    }

    [Theory]
    // Card: acq-a 0.60%, acq-b 0.38% + 30, acq-c 0.50%.
    [InlineData(1_000, "acq-c")]      // 6, 34, 5
    [InlineData(100_000, "acq-b")]    // 600, 410, 500
    [InlineData(25_000, "acq-b")]     // 150, 125, 125: a tie, the earlier wins
    public void Least_cost_takes_the_cheapest_for_this_amount(long amount, string expected)
    {
        var chooser = RouteRuleTests.Chooser(Table(Rule(RoutingStrategy.LeastCost), Costs()));

        Assert.Equal(expected, chooser.Choose(Card with { AmountMinor = amount }, [], T0).Chosen);
    }

    [Fact]
    public void Least_cost_prices_by_instrument()
    {
        var chooser = RouteRuleTests.Chooser(Table(Rule(RoutingStrategy.LeastCost), Costs()));

        // QR: acq-a 0.38% = 38, acq-b 0.38% + 0 = 38, acq-c 0.60% = 60 on 10000: a tie, the earlier wins.
        Assert.Equal("acq-a", chooser.Choose(Card with { Instrument = PaymentInstrument.Qr }, [], T0).Chosen);
    }

    [Theory]
    [InlineData(10_000, 55, 0, 55)]
    [InlineData(1_234, 55, 0, 7)]   // 6.787 rounds up
    [InlineData(1_090, 55, 0, 6)]   // 5.995 rounds up to 6
    [InlineData(1_000, 55, 0, 6)]   // 5.5, half up
    [InlineData(999, 55, 0, 5)]     // 5.4945
    [InlineData(10_000, 38, 25, 63)]
    [InlineData(999_999_999_999, 10_000, 0, 999_999_999_999)]
    public void A_cost_is_the_rate_rounded_half_up_to_the_minor_unit_plus_the_fixed_fee(long amount, int bps, long fixedFee, long cost) =>
        Assert.Equal(cost, new AcquirerCost(bps, fixedFee).Of(amount));

    [Fact]
    public void Success_rate_shifts_away_from_an_acquirer_that_fails_and_card_declines_do_not_count()
    {
        var chooser = RouteRuleTests.Chooser(Table(Rule(RoutingStrategy.SuccessRate)), new ScriptedRandom(0.99, 0.99, 0.99, 0.99));
        Assert.Equal("acq-a", chooser.Choose(Card, [], T0).Chosen);

        chooser.Record("acq-a", AcquirerOutcomeKind.Declined, T0);
        chooser.Record("acq-a", AcquirerOutcomeKind.Declined, T0);
        Assert.Equal("acq-a", chooser.Choose(Card, [], T0).Chosen);

        chooser.Record("acq-a", AcquirerOutcomeKind.TimedOut, T0);
        Assert.Equal("acq-b", chooser.Choose(Card, [], T0).Chosen);

        chooser.Record("acq-b", AcquirerOutcomeKind.TechnicalFailure, T0);
        chooser.Record("acq-b", AcquirerOutcomeKind.Approved, T0);
        chooser.Record("acq-b", AcquirerOutcomeKind.NotSent, T0);
        Assert.Equal("acq-c", chooser.Choose(Card, [], T0).Chosen);
    }

    [Fact]
    public void Success_rate_explores_the_others_with_its_share_so_a_failed_acquirer_can_recover()
    {
        var table = Table(Rule(RoutingStrategy.SuccessRate)) with { SuccessRate = new SuccessRateSettings(Window: 2, Exploration: 0.1) };
        // Each choice draws once for exploring; an exploring choice draws again among the others.
        var chooser = RouteRuleTests.Chooser(table, new ScriptedRandom(0.05, 0.0, 0.5, 0.5), up: ["acq-a", "acq-b"]);
        chooser.Record("acq-a", AcquirerOutcomeKind.TimedOut, T0);

        Assert.Equal("acq-a", chooser.Choose(Card, [], T0).Chosen);
        chooser.Record("acq-a", AcquirerOutcomeKind.Approved, T0);
        chooser.Record("acq-a", AcquirerOutcomeKind.Approved, T0);
        Assert.Equal("acq-a", chooser.Choose(Card, [], T0).Chosen);
    }

    [Fact]
    public void A_circuit_opens_after_failures_in_a_row_then_lets_one_probe_through_and_closes_on_its_answer()
    {
        var table = Table(Rule(RoutingStrategy.Priority)) with { Breaker = new BreakerSettings(3, TimeSpan.FromSeconds(30)) };
        var chooser = RouteRuleTests.Chooser(table);
        chooser.Record("acq-a", AcquirerOutcomeKind.TimedOut, T0);
        chooser.Record("acq-a", AcquirerOutcomeKind.TimedOut, T0);
        chooser.Record("acq-a", AcquirerOutcomeKind.Approved, T0);
        chooser.Record("acq-a", AcquirerOutcomeKind.TimedOut, T0);
        chooser.Record("acq-a", AcquirerOutcomeKind.TechnicalFailure, T0);
        Assert.Equal(CircuitState.Closed, chooser.Circuit("acq-a"));

        chooser.Record("acq-a", AcquirerOutcomeKind.NotSent, T0);
        Assert.Equal(CircuitState.Open, chooser.Circuit("acq-a"));
        var skipped = chooser.Choose(Card, [], T0.AddSeconds(29));
        Assert.Equal(("acq-b", "acq-a:circuit_open"), (skipped.Chosen, $"{skipped.Skipped[0].Acquirer}:{skipped.Skipped[0].Reason}"));

        Assert.Equal("acq-a", chooser.Choose(Card, [], T0.AddSeconds(30)).Chosen);
        Assert.Equal(CircuitState.HalfOpen, chooser.Circuit("acq-a"));
        var meanwhile = chooser.Choose(Card, [], T0.AddSeconds(31));
        Assert.Equal(("acq-b", "probe_in_flight"), (meanwhile.Chosen, meanwhile.Skipped[0].Reason));

        chooser.Record("acq-a", AcquirerOutcomeKind.Declined, T0.AddSeconds(31));
        Assert.Equal(CircuitState.Closed, chooser.Circuit("acq-a"));
        Assert.Equal("acq-a", chooser.Choose(Card, [], T0.AddSeconds(31)).Chosen);
    }

    [Fact]
    public void A_failed_probe_opens_the_circuit_for_another_cool_down_and_a_lost_probe_is_given_up_after_one()
    {
        var table = Table(Rule(RoutingStrategy.Priority)) with { Breaker = new BreakerSettings(1, TimeSpan.FromSeconds(30)) };
        var chooser = RouteRuleTests.Chooser(table);
        chooser.Record("acq-a", AcquirerOutcomeKind.TimedOut, T0);

        Assert.Equal("acq-a", chooser.Choose(Card, [], T0.AddSeconds(30)).Chosen);
        chooser.Record("acq-a", AcquirerOutcomeKind.TimedOut, T0.AddSeconds(35));
        Assert.Equal("acq-b", chooser.Choose(Card, [], T0.AddSeconds(64)).Chosen);
        Assert.Equal("acq-a", chooser.Choose(Card, [], T0.AddSeconds(65)).Chosen);

        // That probe's transaction never reports: after another cool-down the next request probes.
        Assert.Equal("acq-b", chooser.Choose(Card, [], T0.AddSeconds(94)).Chosen);
        Assert.Equal("acq-a", chooser.Choose(Card, [], T0.AddSeconds(95)).Chosen);
    }

    [Fact]
    public void A_rule_naming_an_acquirer_the_node_does_not_have_is_refused() =>
        Assert.Throws<ArgumentException>(() => new RouteChooser(
            Table(new RouteRule("x", ["acq-z"], RoutingStrategy.Priority, new Dictionary<string, int>())), ["acq-a"], new Random(1)));

    private static RouteRule Rule(RoutingStrategy strategy) => new("all", ["acq-a", "acq-b", "acq-c"], strategy, new Dictionary<string, int>());

    private static RoutingTable Table(RouteRule rule, CostTable? costs = null) => RoutingTable.Empty with { Rules = [rule], Costs = costs ?? CostTable.Empty };

    private static CostTable Costs() => new(
    [
        new(("acq-a", PaymentInstrument.Card), new AcquirerCost(60, 0)),
        new(("acq-b", PaymentInstrument.Card), new AcquirerCost(38, 30)),
        new(("acq-c", PaymentInstrument.Card), new AcquirerCost(50, 0)),
        new(("acq-a", PaymentInstrument.Qr), new AcquirerCost(38, 0)),
        new(("acq-b", PaymentInstrument.Qr), new AcquirerCost(38, 0)),
        new(("acq-c", PaymentInstrument.Qr), new AcquirerCost(60, 0)),
    ]);
}
