using Serilog.Core;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;

namespace Switch.Tests.Host;

/// <summary>
/// A node routing between two acquirer simulators over real sockets: a request goes to one
/// acquirer only, whatever happens to it there, and success-rate routing moves away from an
/// acquirer that fails technically. Each test uses terminals of its own.
/// </summary>
public sealed class TwoAcquirerRoutingTests : IClassFixture<TwoAcquirerRoutingTests.World>
{
    private readonly World _world;

    public TwoAcquirerRoutingTests(World world)
    {
        _world = world;
    }

    [Fact]
    public async Task A_request_that_timed_out_at_one_acquirer_is_reversed_there_and_never_reaches_the_other()
    {
        await using var client = await _world.SignedOnAsync(NodeConfig.Tid(1));

        await client.SendRawAsync(TerminalMessages.Purchase(NodeConfig.Tid(1), stan: 10, amount: 10091));
        var reply = await client.ReceiveMessageAsync();

        Assert.Equal("68", reply[39]);
        await Eventually.AssertAsync(() => Assert.Contains(_world.A.Ledger.Reversals, r => r.Rrn == reply[37] && r.ResponseCode == "00"));
        Assert.Single(_world.A.Ledger.Entries, e => e.Mti == "0200" && e.Rrn == reply[37]);
        Assert.DoesNotContain(_world.B.Ledger.Entries, e => e.Rrn == reply[37]);
        var history = await _world.Node.Admin.GetStringAsync(new Uri($"/api/transactions/{reply[37]}", UriKind.Relative));
        using var events = System.Text.Json.JsonDocument.Parse(history);
        var started = events.RootElement.GetProperty("events")[0].GetProperty("event");
        var routing = started.GetProperty("routing");
        Assert.Equal(("acq-a", "default", "priority", "acq-a"), (started.GetProperty("acquirer").GetString(),
            routing.GetProperty("rule").GetString(), routing.GetProperty("strategy").GetString(), routing.GetProperty("chosen").GetString()));
    }

    [Fact]
    public async Task Success_rate_routing_moves_away_from_an_acquirer_that_answers_96_and_no_request_reaches_both()
    {
        await using var client = await _world.SignedOnAsync(NodeConfig.Tid(2));
        _world.A.Options.Rules.FailWith = "96";
        var rrns = new List<string>();
        try
        {
            for (var stan = 20; stan < 26; stan++)
            {
                await client.SendRawAsync(TerminalMessages.Purchase(NodeConfig.Tid(2), stan, amount: 300_000 + (stan * 100)));
                rrns.Add((await client.ReceiveMessageAsync())[37]);
            }
        }
        finally
        {
            _world.A.Options.Rules.FailWith = null;
        }

        // Whatever acq-a's window held before, one 96 there puts it behind acq-b for good (window 2, no exploration).
        Assert.All(rrns, rrn => Assert.Equal(1, Seen(_world.A, rrn) + Seen(_world.B, rrn)));
        Assert.All(rrns[^4..], rrn => Assert.Equal(1, Seen(_world.B, rrn)));
        Assert.InRange(rrns.Count(rrn => Seen(_world.A, rrn) == 1), 0, 2);
    }

    private static int Seen(AcquirerSimulator simulator, string rrn) => simulator.Ledger.Entries.Count(e => e.Mti == "0200" && e.Rrn == rrn);

    /// <summary>
    /// The node with acq-a and acq-b (both simulators) and one rule: amounts 3000.00-3999.99 by
    /// success rate over the last 2 outcomes, without exploration; circuits that never open, so
    /// the success rate alone moves traffic. Everything else takes the default rule (acq-a first).
    /// </summary>
    public sealed class World : IAsyncLifetime
    {
        private TestNode? _node;

        internal AcquirerSimulator A { get; } = new(new AcquirerSimulatorOptions(), Logger.None);

        internal AcquirerSimulator B { get; } = new(new AcquirerSimulatorOptions(), Logger.None);

        internal TestNode Node => _node ?? throw new InvalidOperationException("the node has not started");

        public async Task InitializeAsync()
        {
            A.Start();
            B.Start();
            var config = new NodeConfig(NodeConfig.WithNewDatabase().DatabasePath)
            {
                Extra = """
                    switch.routing {
                      rules = [ { name = health, amount = { min = 300000, max = 399999 }, acquirers = [ acq-a, acq-b ], strategy = success-rate } ]
                      circuit-breaker { failures = 1000, open-for = 30s }
                      success-rate { window = 2, exploration = 0 }
                    }
                    """,
            };
            config.Acquirers.Add(("acq-a", A.LocalEndPoint));
            config.Acquirers.Add(("acq-b", B.LocalEndPoint));
            _node = await TestNode.StartAsync(config);
            await _node.WaitForRouteAsync("acq-a");
            await _node.WaitForRouteAsync("acq-b");
        }

        public async Task DisposeAsync()
        {
            if (_node is not null)
            {
                await _node.DisposeAsync();
                _node.Config.Delete();
            }

            await A.DisposeAsync();
            await B.DisposeAsync();
        }

        internal async Task<FramedClient> SignedOnAsync(string tid)
        {
            var client = await FramedClient.ConnectAsync(Node.TerminalEndPoint);
            await client.SendRawAsync(TerminalMessages.SignOn(tid, stan: 1));
            Assert.Equal("00", (await client.ReceiveMessageAsync())[39]);
            return client;
        }
    }
}
