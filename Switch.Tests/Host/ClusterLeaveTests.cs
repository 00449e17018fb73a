using Serilog.Core;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;
using Xunit.Abstractions;

namespace Switch.Tests.Host;

/// <summary>
/// A node of two leaving on SIGTERM while a purchase it received is at the acquirer: the node closes
/// its terminal connections, leaves the cluster and hands its terminal entities over once nothing of
/// theirs is in flight, so the purchase is journaled with its answer and the terminal's retransmission
/// to the other node gets that answer; the acquirer sees one authorization.
/// </summary>
[Collection(NodeProcesses.Name)]
public sealed class ClusterLeaveTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Its own name: link states on the process-wide meter are kept by acquirer name.</summary>
    private const string Acquirer = "leave-sim";

    private readonly List<NodeConfig> _configs = [];

    private PostgresDatabase? _database;

    /// <summary>Slow enough that the purchase is still at the acquirer when the node is asked to stop.</summary>
    private AcquirerSimulator Simulator { get; } = new(new AcquirerSimulatorOptions { Latency = TimeSpan.FromSeconds(1.5) }, Logger.None);

    public async Task InitializeAsync()
    {
        Simulator.Start();
        _database = await PostgresDatabase.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await Simulator.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _configs.ForEach(c => c.Delete());
    }

    [Fact]
    public async Task A_purchase_in_flight_on_a_node_that_leaves_on_sigterm_is_answered_once_there_or_on_the_other_node()
    {
        var seedPort = ClusterProcesses.FreePort();
        await using var a = await StartAsync(nodeId: 1, clusterPort: seedPort, seedPort);
        await using var b = await StartAsync(nodeId: 2, clusterPort: 0, seedPort);
        var tid = NodeConfig.Tid(7);
        var purchase = TerminalMessages.Purchase(tid, stan: 2, amount: 6100);

        await using var terminal = await FramedClient.ConnectAsync(b.TerminalEndPoint);
        await terminal.SendRawAsync(TerminalMessages.SignOn(tid, stan: 1));
        Assert.Equal("00", (await terminal.ReceiveMessageAsync(NodeProcess.FirstReplyWait))[39]);
        await terminal.SendRawAsync(purchase);
        await Eventually.AssertAsync(() => Assert.Contains(Simulator.Ledger.Entries, e => e.Mti == "0200" && e.Tid == tid), NodeProcess.FirstReplyWait);

        var leaving = b.TerminateAsync(within: TimeSpan.FromSeconds(60));
        // The answer on B's connection if it came before the connection closed; else the terminal
        // reconnects to A and transmits again, as a POS does when its connection drops.
        var onB = await terminal.ReceiveAsync(NodeProcess.FirstReplyWait);
        var (answer, where) = onB is not null
            ? (new ReceivedMessage(onB, terminal.Profile), "on B before its connection closed")
            : ((await ClusterProcesses.RetransmitUntilAnsweredAsync(a, purchase)).Answer, "to the retransmission on A");
        output.WriteLine($"The purchase in flight at SIGTERM was answered {where}");

        Assert.Equal(0, await leaving);
        var authorization = Assert.Single(Simulator.Ledger.Entries, e => e.Mti == "0200");
        Assert.Equal(("00", authorization.Rrn), (answer[39], answer[37]));
        Assert.DoesNotContain(Simulator.Ledger.Entries, e => e.IsReversal);
    }

    /// <summary>A node process on this test's database, its link to the simulator up.</summary>
    private async Task<NodeProcess> StartAsync(int nodeId, int clusterPort, int seedPort)
    {
        var config = new NodeConfig(NodeConfig.WithNewDatabase().DatabasePath)
        {
            PostgresConnectionString = _database?.ConnectionString ?? throw new InvalidOperationException("the database was not created"),
            NodeId = nodeId,
            ClusterPort = clusterPort,
            SeedPorts = [seedPort],
            Acquirers = { (Acquirer, Simulator.LocalEndPoint) },
            LinkTimeout = TimeSpan.FromSeconds(5),
        };
        _configs.Add(config);
        var node = await NodeProcess.StartAsync("run", "--config", config.WriteOverlay());
        await ClusterProcesses.WaitForLinkAsync(node, Acquirer);
        return node;
    }
}
