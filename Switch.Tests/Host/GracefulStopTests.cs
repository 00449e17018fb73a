using Serilog.Core;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;

namespace Switch.Tests.Host;

/// <summary>
/// SIGTERM stops a node promptly and loses no answer: terminal connections stop being read, the
/// requests already read are answered on them, and then they close, rather than holding the stop
/// for the host's timeout.
/// </summary>
[Collection(NodeProcesses.Name)]
public sealed class GracefulStopTests : IAsyncLifetime
{
    /// <summary>Its own name: link states on the process-wide meter are kept by acquirer name.</summary>
    private const string Acquirer = "drain-sim";

    private readonly NodeConfig _config = NodeConfig.WithNewDatabase();

    /// <summary>Slow enough that a purchase is still at the acquirer when the node is asked to stop.</summary>
    private AcquirerSimulator Simulator { get; } = new(new AcquirerSimulatorOptions { Latency = TimeSpan.FromSeconds(1.5) }, Logger.None);

    public Task InitializeAsync()
    {
        Simulator.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Simulator.DisposeAsync();
        _config.Delete();
    }

    [Fact]
    public async Task Sigterm_closes_terminal_connections_and_exits_0()
    {
        await using var node = await NodeProcess.StartAsync("run", "--config", _config.WriteOverlay());
        await using var terminal = await FramedClient.ConnectAsync(node.TerminalEndPoint);
        await terminal.SendRawAsync(TerminalMessages.SignOn(NodeConfig.Tid(1), stan: 1));
        Assert.Equal("00", (await terminal.ReceiveMessageAsync(NodeProcess.FirstReplyWait))[39]);

        var exitCode = await node.TerminateAsync(within: TimeSpan.FromSeconds(15));

        Assert.Equal(0, exitCode);
        Assert.Null(await terminal.ReceiveAsync());
        Assert.DoesNotContain("ShutdownTimeout", node.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_purchase_at_the_acquirer_when_sigterm_comes_is_answered_on_its_connection_before_it_closes()
    {
        var config = new NodeConfig(_config.DatabasePath) { Acquirers = { (Acquirer, Simulator.LocalEndPoint) }, LinkTimeout = TimeSpan.FromSeconds(5) };
        await using var node = await NodeProcess.StartAsync("run", "--config", config.WriteOverlay());
        await ClusterProcesses.WaitForLinkAsync(node, Acquirer);
        var tid = NodeConfig.Tid(2);
        await using var terminal = await FramedClient.ConnectAsync(node.TerminalEndPoint);
        await terminal.SendRawAsync(TerminalMessages.SignOn(tid, stan: 1));
        Assert.Equal("00", (await terminal.ReceiveMessageAsync(NodeProcess.FirstReplyWait))[39]);
        await terminal.SendRawAsync(TerminalMessages.Purchase(tid, stan: 2, amount: 6100));
        await Eventually.AssertAsync(() => Assert.Contains(Simulator.Ledger.Entries, e => e.Mti == "0200" && e.Tid == tid), NodeProcess.FirstReplyWait);

        var stopping = node.TerminateAsync(within: TimeSpan.FromSeconds(30));
        var answer = await terminal.ReceiveMessageAsync(NodeProcess.FirstReplyWait);

        Assert.Equal((210, "00"), (answer.Mti, answer[39]));
        Assert.Equal(Assert.Single(Simulator.Ledger.Entries, e => e.Mti == "0200").Rrn, answer[37]);
        Assert.Null(await terminal.ReceiveAsync());
        Assert.Equal(0, await stopping);
        Assert.DoesNotContain(Simulator.Ledger.Entries, e => e.IsReversal);
        Assert.Contains("every request read was answered", node.Output, StringComparison.Ordinal);
    }
}
