using Switch.Tests.Support;
using Switch.Traffic.Acquirer;

namespace Switch.Tests.Host;

/// <summary>
/// A node of two leaving on SIGTERM while a purchase it received is at the acquirer: the node stops
/// reading its terminal connections, answers what it had read, closes them, leaves the cluster and
/// hands its terminal entities over once nothing of theirs is in flight. The purchase is answered on
/// its connection, and a retransmission to the other node gets the same answer; the acquirer sees
/// one authorization.
/// </summary>
[Collection(NodeProcesses.Name)]
public sealed class ClusterLeaveTests : IAsyncLifetime
{
    /// <summary>Its own name: link states on the process-wide meter are kept by acquirer name.</summary>
    private const string Acquirer = "leave-sim";

    /// <summary>Longer than the simulator's answer, which takes 1.5 s so that the purchase is still at the acquirer when the node is asked to stop.</summary>
    private static readonly TimeSpan LinkTimeout = TimeSpan.FromSeconds(5);

    private ClusterWorld? _world;

    private ClusterWorld World => _world ?? throw new InvalidOperationException("the world was not started");

    private AcquirerSimulator Simulator => World.Simulator;

    public async Task InitializeAsync() => _world = await ClusterWorld.StartAsync(Acquirer, new AcquirerSimulatorOptions { Latency = TimeSpan.FromSeconds(1.5) });

    public async Task DisposeAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_purchase_in_flight_on_a_node_that_leaves_on_sigterm_is_answered_there_and_authorized_once()
    {
        var seedPort = ClusterProcesses.FreePort();
        await using var a = await World.StartNodeAsync(nodeId: 1, clusterPort: seedPort, seedPort, LinkTimeout);
        await using var b = await World.StartNodeAsync(nodeId: 2, clusterPort: 0, seedPort, LinkTimeout);
        var tid = NodeConfig.Tid(7);
        var purchase = TerminalMessages.Purchase(tid, stan: 2, amount: 6100);

        await using var terminal = await FramedClient.ConnectAsync(b.TerminalEndPoint);
        await terminal.SendRawAsync(TerminalMessages.SignOn(tid, stan: 1));
        Assert.Equal("00", (await terminal.ReceiveMessageAsync(NodeProcess.FirstReplyWait))[39]);
        await terminal.SendRawAsync(purchase);
        await Eventually.AssertAsync(() => Assert.Contains(Simulator.Ledger.Entries, e => e.Mti == "0200" && e.Tid == tid), NodeProcess.FirstReplyWait);

        var leaving = b.TerminateAsync(within: TimeSpan.FromSeconds(60));
        var answer = await terminal.ReceiveMessageAsync(NodeProcess.FirstReplyWait);
        Assert.Null(await terminal.ReceiveAsync());

        // Closed, the terminal reconnects to A and transmits again, as a POS does when its connection drops.
        var (again, _) = await ClusterProcesses.RetransmitUntilAnsweredAsync(a, purchase);
        Assert.Equal(0, await leaving);
        var authorization = Assert.Single(Simulator.Ledger.Entries, e => e.Mti == "0200");
        Assert.Equal(("00", authorization.Rrn), (answer[39], answer[37]));
        Assert.Equal(("00", authorization.Rrn), (again[39], again[37]));
        Assert.DoesNotContain(Simulator.Ledger.Entries, e => e.IsReversal);
    }
}
