using Switch.Actors.Routing;
using Switch.Host.Configuration;

namespace Switch.Tests.Host;

public sealed class RoutingSettingsReaderTests : IDisposable
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    // Two acquirers to route between; the shipped file has one.
    private const string Acquirers = """
        switch.acquirers = [
          { name = acq-a, endpoint = "127.0.0.1:9583", profile = iso87-ascii, length-header = binary2, timeout = 5s, echo-interval = 30s, reconnect-min = 1s, reconnect-max = 30s },
          { name = acq-b, endpoint = "127.0.0.1:9584", profile = iso87-ascii, length-header = binary2, timeout = 5s, echo-interval = 30s, reconnect-min = 1s, reconnect-max = 30s }
        ]

        """;

    private readonly List<string> _files = [];

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_shipped_defaults_route_by_the_acquirers_order()
    {
        var routing = SwitchSettingsReader.Read(SwitchConfiguration.Load([], NoEnvironment)).Routing;

        Assert.Empty(routing.Rules);
        Assert.Equal(new BreakerSettings(5, TimeSpan.FromSeconds(30)), routing.Breaker);
        Assert.Equal(new SuccessRateSettings(100, 0.05), routing.SuccessRate);
    }

    [Fact]
    public void Rules_costs_breaker_and_success_rate_are_read()
    {
        var routing = Read("""
            switch.routing {
              rules = [
                { name = qr-cn, instruments = [ qr ], countries = [ CN ], acquirers = [ acq-b, acq-a ], strategy = least-cost },
                { name = split, bins = [ "62", "400000-499999" ], schemes = [ visa ], mccs = [ "5411", "3000-3999" ], amount = { min = 100, max = 50000 }, currencies = [ "156" ], acquirers = [ acq-a, acq-b ], strategy = weighted, weights { acq-a = 80, acq-b = 20 } },
                { name = health, acquirers = [ acq-a, acq-b ], strategy = success-rate },
                { name = plain, acquirers = [ acq-b ] }
              ]
              costs {
                acq-a { card = { rate-bps = 60, fixed = 0 }, qr = { rate-bps = 38, fixed = 0 } }
                acq-b { card = { rate-bps = 55, fixed = 10 }, qr = { rate-bps = 35, fixed = 5 } }
              }
              circuit-breaker { failures = 3, open-for = 10s }
              success-rate { window = 20, exploration = 0.1 }
            }
            """);

        Assert.Equal(["qr-cn", "split", "health", "plain"], routing.Rules.Select(r => r.Name));
        Assert.Equal([RoutingStrategy.LeastCost, RoutingStrategy.Weighted, RoutingStrategy.SuccessRate, RoutingStrategy.Priority], routing.Rules.Select(r => r.Strategy));
        var split = routing.Rules[1];
        Assert.Equal(["62", "400000-499999"], split.Bins.Select(b => b.ToString()));
        Assert.Equal((100L, 50000L, 80, 20), (split.MinAmount, split.MaxAmount, split.Weights["acq-a"], split.Weights["acq-b"]));
        Assert.True(split.Matches(new RouteRequest("45000000", "VISA", PaymentInstrument.Card, 100, "156", "3500", "US")));
        Assert.Equal([PaymentInstrument.Qr], routing.Rules[0].Instruments);
        Assert.Equal(35 + 5, routing.Costs.Of("acq-b", PaymentInstrument.Qr, 10_000));
        Assert.Equal(new BreakerSettings(3, TimeSpan.FromSeconds(10)), routing.Breaker);
        Assert.Equal(new SuccessRateSettings(20, 0.1), routing.SuccessRate);
    }

    [Theory]
    [InlineData("rules = [ { name = r, acquirers = [ acq-z ] } ]", "switch.routing.rules[0].acquirers[0]")]
    [InlineData("rules = [ { name = r, acquirers = [] } ]", "switch.routing.rules[0].acquirers")]
    [InlineData("rules = [ { name = r, acquirers = [ acq-a, acq-a ] } ]", "switch.routing.rules[0].acquirers")]
    [InlineData("rules = [ { name = default, acquirers = [ acq-a ] } ]", "switch.routing.rules[0].name")]
    [InlineData("rules = [ { name = r, acquirers = [ acq-a ] }, { name = r, acquirers = [ acq-b ] } ]", "switch.routing.rules")]
    [InlineData("rules = [ { name = r, acquirers = [ acq-a ], strategy = cheapest } ]", "switch.routing.rules[0].strategy")]
    [InlineData("rules = [ { name = r, acquirers = [ acq-a ], bins = [ \"4x\" ] } ]", "switch.routing.rules[0].bins[0]")]
    [InlineData("rules = [ { name = r, acquirers = [ acq-a ], instruments = [ card, cash ] } ]", "switch.routing.rules[0].instruments[1]")]
    [InlineData("rules = [ { name = r, acquirers = [ acq-a ], instruments = [ \"1\" ] } ]", "switch.routing.rules[0].instruments[0]")]
    [InlineData("rules = [ { name = r, acquirers = [ acq-a ], mccs = [ \"54\" ] } ]", "switch.routing.rules[0].mccs[0]")]
    [InlineData("rules = [ { name = r, acquirers = [ acq-a ], currencies = [ CNY ] } ]", "switch.routing.rules[0].currencies[0]")]
    [InlineData("rules = [ { name = r, acquirers = [ acq-a ], countries = [ cn ] } ]", "switch.routing.rules[0].countries[0]")]
    [InlineData("rules = [ { name = r, acquirers = [ acq-a ], amount { min = 10, max = 5 } } ]", "switch.routing.rules[0].amount.max")]
    [InlineData("rules = [ { name = r, acquirers = [ acq-a ], weights { acq-a = 1 } } ]", "switch.routing.rules[0].weights")]
    [InlineData("rules = [ { name = r, acquirers = [ acq-a, acq-b ], strategy = weighted, weights { acq-a = 1 } } ]", "switch.routing.rules[0].weights.acq-b")]
    [InlineData("rules = [ { name = r, acquirers = [ acq-a ], strategy = weighted, weights { acq-a = 1, acq-b = 1 } } ]", "switch.routing.rules[0].weights.acq-b")]
    [InlineData("rules = [ { name = r, acquirers = [ acq-a ], strategy = weighted, weights { acq-a = 0 } } ]", "switch.routing.rules[0].weights")]
    [InlineData("rules = [ { name = r, acquirers = [ acq-a ], strategy = least-cost } ]", "switch.routing.rules[0].strategy")]
    [InlineData("rules = [ { name = r, acquirers = [ acq-a ], instruments = [ qr ], strategy = least-cost } ], costs { acq-a { card { rate-bps = 1, fixed = 0 } } }", "switch.routing.rules[0].strategy")]
    [InlineData("costs { acq-z { card { rate-bps = 1, fixed = 0 } } }", "switch.routing.costs.acq-z")]
    [InlineData("costs { acq-a { cash { rate-bps = 1, fixed = 0 } } }", "switch.routing.costs.acq-a.cash")]
    [InlineData("costs { acq-a { card { rate-bps = 10001, fixed = 0 } } }", "switch.routing.costs.acq-a.card.rate-bps")]
    [InlineData("costs { acq-a { card { rate-bps = 55, fixed = -1 } } }", "switch.routing.costs.acq-a.card.fixed")]
    [InlineData("circuit-breaker.failures = 0", "switch.routing.circuit-breaker.failures")]
    [InlineData("circuit-breaker.open-for = 0s", "switch.routing.circuit-breaker.open-for")]
    [InlineData("success-rate.window = 0", "switch.routing.success-rate.window")]
    [InlineData("success-rate.exploration = 0.9", "switch.routing.success-rate.exploration")]
    public void A_bad_routing_key_is_named(string routing, string key)
    {
        var error = Assert.Throws<ConfigurationKeyException>(() => Read($"switch.routing {{ {routing} }}"));

        Assert.Equal(key, error.Key);
    }

    private RoutingTable Read(string overlay)
    {
        var path = Path.Combine(Path.GetTempPath(), $"routing-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, Acquirers + overlay);
        _files.Add(path);
        return SwitchSettingsReader.Read(SwitchConfiguration.Load([path], NoEnvironment)).Routing;
    }
}
