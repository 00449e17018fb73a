using System.Diagnostics;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;
using Xunit.Abstractions;

namespace Switch.Tests.Host;

/// <summary>
/// Two node processes in one cluster on loopback, on one PostgreSQL journal, each with its own link to
/// one acquirer simulator: a node killed outright (SIGKILL, no leaving) is downed by the other, and a
/// terminal that reconnects to the survivor gets its journaled answers and is served on.
/// </summary>
[Collection(NodeProcesses.Name)]
public sealed class ClusterFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Its own name: link states on the process-wide meter are kept by acquirer name.</summary>
    private const string Acquirer = "failover-sim";

    private const string Tid = "T0000001";

    /// <summary>Shorter than the shipped 20 s, so the test is quick; the failure detector keeps its defaults.</summary>
    private const string StableAfter = "switch.cluster.stable-after = 3s";

    private ClusterWorld? _world;

    private ClusterWorld World => _world ?? throw new InvalidOperationException("the world was not started");

    private AcquirerSimulator Simulator => World.Simulator;

    public async Task InitializeAsync() => _world = await ClusterWorld.StartAsync(Acquirer, new AcquirerSimulatorOptions());

    public async Task DisposeAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    [Fact]
    public async Task After_a_node_is_killed_a_retransmission_on_the_survivor_gets_the_original_answer_without_a_second_authorization()
    {
        var seedPort = ClusterProcesses.FreePort();
        await using var a = await World.StartNodeAsync(nodeId: 1, clusterPort: seedPort, seedPort, extra: StableAfter);
        await using var b = await World.StartNodeAsync(nodeId: 2, clusterPort: 0, seedPort, extra: StableAfter);

        var purchase = TerminalMessages.Purchase(Tid, stan: 2, amount: 4200);
        ReceivedMessage original;
        await using (var terminal = await FramedClient.ConnectAsync(b.TerminalEndPoint))
        {
            await terminal.SendRawAsync(TerminalMessages.SignOn(Tid, stan: 1));
            Assert.Equal("00", (await terminal.ReceiveMessageAsync(NodeProcess.FirstReplyWait))[39]);
            await terminal.SendRawAsync(purchase);
            original = await terminal.ReceiveMessageAsync(NodeProcess.FirstReplyWait);
            Assert.Equal("00", original[39]);
        }

        var failover = Stopwatch.StartNew();
        await b.KillAsync();
        var (again, attempts) = await ClusterProcesses.RetransmitUntilAnsweredAsync(a, purchase);
        failover.Stop();
        output.WriteLine($"SIGKILL of node B to the retransmission answered on node A: {failover.Elapsed.TotalSeconds:F1} s, {attempts} transmission(s)");

        Assert.Equal(original.Bytes, again.Bytes);
        Assert.Equal(("00", original[37], original[38]), (again[39], again[37], again[38]));
        Assert.Single(Simulator.Ledger.Entries, e => e.Mti == "0200" && e.Rrn == original[37]);

        // The retransmission may have needed nothing of B (its terminal entity lived on A), but the card
        // entity of a new purchase may have lived on B: until A has removed B, asking it times out (96).
        await Eventually.AssertAsync(() => Assert.Contains("Leader is removing unreachable node", a.Output, StringComparison.Ordinal), ClusterProcesses.FailoverWait);

        // A connection of its own: a transmission that timed out may still be answered on its old one.
        // The card's shard may still be moving to A just after the removal; its ask then times out
        // (96, before anything reaches the acquirer), and the terminal tries again with a new STAN.
        await using var next = await FramedClient.ConnectAsync(a.TerminalEndPoint);
        var stan = 3;
        ReceivedMessage? approved = null;
        await Eventually.AssertAsync(
            async () =>
            {
                await next.SendRawAsync(TerminalMessages.Purchase(Tid, stan++, amount: 5300));
                approved = await next.ReceiveMessageAsync(NodeProcess.FirstReplyWait);
                Assert.Equal("00", approved[39]);
            },
            ClusterProcesses.FailoverWait);
        Assert.NotNull(approved);
        Assert.NotEqual(original[37], approved[37]);
        Assert.Equal(2, Simulator.Ledger.Entries.Count(e => e.Mti == "0200"));
    }
}
