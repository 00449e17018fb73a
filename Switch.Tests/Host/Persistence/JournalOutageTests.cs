using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;
using Serilog.Core;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;
using Switch.Traffic.Generator;
using Xunit.Abstractions;

namespace Switch.Tests.Host.Persistence;

/// <summary>
/// A whole node whose PostgreSQL journal becomes unreachable for a while: its connections to the
/// database go through a proxy that the test cuts (every open connection dropped, new ones closed as
/// they arrive) and then restores, as when the database host fails over or the network drops.
/// </summary>
public sealed class JournalOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Its own name: link states on the process-wide meter are kept by acquirer name.</summary>
    private const string Acquirer = "journal-outage-sim";

    /// <summary>Under the card ask-timeout (5 s): the answer comes from the failure itself, not from a timer.</summary>
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(4.5);

    private PostgresDatabase? _database;
    private NodeConfig? _config;

    private AcquirerSimulator Simulator { get; } = new(new AcquirerSimulatorOptions(), Logger.None);

    // Disposed by DisposeAsync (IAsyncLifetime), which the analyzer does not know of.
    private CuttableProxy? Proxy { get; set; }

    public async Task InitializeAsync()
    {
        Simulator.Start();
        _database = await PostgresDatabase.CreateAsync();
        var server = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        EndPoint upstream = server.Host!.StartsWith('/')
            ? new UnixDomainSocketEndPoint(Path.Combine(server.Host, $".s.PGSQL.{server.Port}"))
            : new DnsEndPoint(server.Host, server.Port);
        Proxy = new CuttableProxy(upstream);
        var throughProxy = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = Proxy.EndPoint.Port };
        _config = new NodeConfig(NodeConfig.WithNewDatabase().DatabasePath)
        {
            PostgresConnectionString = throughProxy.ConnectionString,
            Acquirers = { (Acquirer, Simulator.LocalEndPoint) },
        };
    }

    public async Task DisposeAsync()
    {
        await Simulator.DisposeAsync();
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _config?.Delete();
    }

    [Fact]
    public async Task While_the_database_is_unreachable_every_request_is_answered_96_at_once_and_the_node_serves_again_by_itself_when_it_returns()
    {
        await using var node = await TestNode.StartAsync(_config!);
        await node.WaitForRouteAsync(Acquirer);
        var running = NodeConfig.Tid(1);
        await using var a = await FramedClient.ConnectAsync(node.TerminalEndPoint);
        await a.SendRawAsync(TerminalMessages.SignOn(running, stan: 1));
        Assert.Equal("00", (await a.ReceiveMessageAsync())[39]);
        await a.SendRawAsync(TerminalMessages.Purchase(running, stan: 2, amount: 1000));
        var before = await a.ReceiveMessageAsync();
        await using var b = await FramedClient.ConnectAsync(node.TerminalEndPoint);
        await using var c = await FramedClient.ConnectAsync(node.TerminalEndPoint);

        Proxy!.Cut();
        // A running entity's write fails; entities that must first recover from the journal cannot start.
        var duringOutage = new List<(string What, ReceivedMessage Reply, TimeSpan Took)>
        {
            await TimedAsync("a purchase of a running terminal", a, TerminalMessages.Purchase(running, stan: 3, amount: 3003)),
            await TimedAsync("the sign-on of a terminal not started", b, TerminalMessages.SignOn(NodeConfig.Tid(2), stan: 1)),
            await TimedAsync("a purchase of a terminal not started", c, TerminalMessages.Purchase(NodeConfig.Tid(3), stan: 1, amount: 3003)),
        };

        // Enough failures to open the journal's circuit breaker (10 in a row): calls then fail at once.
        for (var stan = 4; stan < 16; stan++)
        {
            duringOutage.Add(await TimedAsync($"purchase {stan} of the running terminal", a, TerminalMessages.Purchase(running, stan, amount: 3003)));
        }

        Proxy.Restore();
        var restored = Stopwatch.StartNew();
        ReceivedMessage? after = null;
        var stanAfter = 100;
        await Eventually.AssertAsync(
            async () =>
            {
                await a.SendRawAsync(TerminalMessages.Purchase(running, ++stanAfter, amount: 7007));
                after = await a.ReceiveMessageAsync();
                Assert.Equal("00", after[39]);
            },
            TimeSpan.FromSeconds(30));
        restored.Stop();
        output.WriteLine($"Outage answers: {string.Join(", ", duringOutage.Select(o => $"{o.Reply[39]} in {o.Took.TotalMilliseconds:F0} ms"))}");
        output.WriteLine($"Database back to the first approval: {restored.Elapsed.TotalSeconds:F1} s, {stanAfter - 100} purchase(s)");
        await b.SendRawAsync(TerminalMessages.SignOn(NodeConfig.Tid(2), stan: 2));
        var signedOnAfter = await b.ReceiveMessageAsync();

        Assert.Equal("00", before[39]);
        Assert.All(duringOutage, outage =>
        {
            Assert.True(outage.Reply[39] == "96", $"{outage.What}: answered {outage.Reply[39]}");
            Assert.True(outage.Took < AtOnce, $"{outage.What}: answered after {outage.Took}");
        });
        Assert.NotNull(after);
        // The breaker lets a probe call through every 2 s; Akka's default would hold the node at 96 for 30 s.
        Assert.InRange(restored.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal((810, "00"), (signedOnAfter.Mti, signedOnAfter[39]));
        var ledger = Simulator.Ledger.Entries;
        Assert.DoesNotContain(ledger, entry => entry.Amount == 3003);
        Assert.Single(ledger, entry => entry.Mti == "0200" && entry.Rrn == before[37]);
        Assert.Single(ledger, entry => entry.Mti == "0200" && entry.Rrn == after[37]);
        var metrics = await node.Admin.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Matches(new Regex("""switch_terminal_undelivered_requests_total(\{[^}]*\})? [1-9]"""), metrics);
    }

    [Fact]
    public async Task A_fleet_running_through_an_outage_hears_an_answer_to_every_request_and_every_approval_at_the_acquirer_is_heard_or_reversed()
    {
        await using var node = await TestNode.StartAsync(_config!);
        await node.WaitForRouteAsync(Acquirer);
        var watch = new RunWatch();
        var fleet = TrafficRun.RunAsync(
            new RunOptions { Target = node.TerminalEndPoint, Terminals = 20, Rate = 100, Duration = TimeSpan.FromSeconds(12), Timeout = TimeSpan.FromSeconds(15), FirstTerminal = 11 },
            Logger.None,
            watch);

        await watch.Until(p => p.ResponseCodes.GetValueOrDefault("00") >= 100).WaitAsync(TimeSpan.FromSeconds(60));
        Proxy!.Cut();
        var outage = await watch.Until(p => p.ResponseCodes.GetValueOrDefault("96") >= 100).WaitAsync(TimeSpan.FromSeconds(60));
        Proxy.Restore();
        // Nothing is approved while the database is away: approvals beyond those counted then are the node serving again by itself.
        await watch.Until(p => p.ResponseCodes.GetValueOrDefault("00") >= outage.ResponseCodes.GetValueOrDefault("00") + 50).WaitAsync(TimeSpan.FromSeconds(60));
        var results = await fleet;

        output.WriteLine($"Fleet: {results.Completed} answered ({string.Join(", ", results.ResponseCodes.Select(c => $"{c.Key}: {c.Value}"))}), p99 {results.LatencyMicros.P99 / 1000.0:F1} ms, max {results.LatencyMicros.Max / 1000.0:F1} ms, {results.Timeouts} timeouts; {Simulator.Ledger.Entries.Count(e => e.Mti == "0200")} authorizations at the acquirer");
        Assert.True(results.Timeouts + results.ConnectionLosses + results.Unreadable == 0, $"{results.Timeouts} timeouts, {results.ConnectionLosses} connections lost, {results.Unreadable} unreadable");
        Assert.Equal(results.Sent, results.Completed);
        Assert.Equal(["00", "96"], results.ResponseCodes.Keys.Order(StringComparer.Ordinal));
        // A 0200 whose outcome could not be journaled was answered 96: its reversal follows once the journal is back.
        await Eventually.AssertAsync(
            () =>
            {
                var ledger = Simulator.Ledger;
                var reversed = ledger.Reversals.Select(r => r.Rrn).ToHashSet();
                var unheard = ledger.Entries.Count(e => e.Mti == "0200") - results.ResponseCodes["00"];
                Assert.Equal(unheard, ledger.Entries.Count(e => e.Mti == "0200" && reversed.Contains(e.Rrn)));
            },
            TimeSpan.FromSeconds(30));
        Assert.Equal(ledger0200Rrns(), ledger0200Rrns().Distinct());

        IEnumerable<string?> ledger0200Rrns() => Simulator.Ledger.Entries.Where(e => e.Mti == "0200").Select(e => e.Rrn);
    }

    private static async Task<(string What, ReceivedMessage Reply, TimeSpan Took)> TimedAsync(string what, FramedClient terminal, byte[] request)
    {
        var clock = Stopwatch.StartNew();
        await terminal.SendRawAsync(request);
        var reply = await terminal.ReceiveMessageAsync(TimeSpan.FromSeconds(30));
        return (what, reply, clock.Elapsed);
    }
}
