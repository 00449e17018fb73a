using Switch.Tests.Support;
using Switch.Traffic.Acquirer;

namespace Switch.Tests.Host;

/// <summary>
/// A node killed outright (SIGKILL) and started again on the same SQLite file: what reached the
/// acquirer without a journaled outcome is reversed, and queued reversals are delivered.
/// </summary>
[Collection(NodeProcesses.Name)]
public sealed class NodeRestartTests : IAsyncLifetime
{
    private const string Tid = "T0000001";

    // Disposed by DisposeAsync (IAsyncLifetime), which the analyzer does not know of.
    private AcquirerAndJournal World { get; } = new(linkTimeout: TimeSpan.FromSeconds(30));

    private AcquirerSimulator Simulator => World.Simulator;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task A_purchase_in_flight_at_the_crash_is_reversed_after_restart_and_never_authorized_again()
    {
        var overlay = World.Config.WriteOverlay();
        var purchase = TerminalMessages.Purchase(Tid, stan: 7, amount: 30091);
        var rrn = string.Empty;
        await using (var node = await NodeProcess.StartAsync("run", "--config", overlay))
        {
            await using var terminal = await SignedOnAsync(node);
            await terminal.SendRawAsync(purchase);
            await Eventually.AssertAsync(() => rrn = Assert.Single(Simulator.Ledger.Entries, e => e.Mti == "0200").Rrn!);
            await node.KillAsync();
        }

        await using (var restarted = await NodeProcess.StartAsync("run", "--config", overlay))
        {
            await Eventually.AssertAsync(
                () => Assert.Contains(Simulator.Ledger.Reversals, r => r.Rrn == rrn && r.ResponseCode == "00"),
                TimeSpan.FromSeconds(30));

            await using var terminal = await FramedClient.ConnectAsync(restarted.TerminalEndPoint);
            await terminal.SendRawAsync(purchase);
            var answer = await terminal.ReceiveMessageAsync(NodeProcess.FirstReplyWait);
            Assert.Equal("68", answer[39]);
            Assert.Equal(rrn, answer[37]);
            Assert.Single(Simulator.Ledger.Entries, e => e.Mti == "0200");
        }
    }

    [Fact]
    public async Task A_reversal_queued_before_the_crash_is_delivered_after_restart()
    {
        var overlay = World.Config.WriteOverlay();
        string rrn;
        await using (var node = await NodeProcess.StartAsync("run", "--config", overlay))
        {
            await using var terminal = await SignedOnAsync(node);
            await terminal.SendRawAsync(TerminalMessages.Purchase(Tid, stan: 8, amount: 40091));
            await Eventually.AssertAsync(() => Assert.Single(Simulator.Ledger.Entries, e => e.Mti == "0200"));

            // The acquirer goes away with the purchase unanswered: the terminal hears 91 (the link
            // dropped) and the reversal waits in the queue, with no link to go out on, when the node dies.
            await World.StopSimulatorAsync();
            var answer = await terminal.ReceiveMessageAsync(NodeProcess.FirstReplyWait);
            Assert.Equal("91", answer[39]);
            rrn = answer[37];
            await node.KillAsync();
        }

        World.RestartSimulator();
        await using (await NodeProcess.StartAsync("run", "--config", overlay))
        {
            await Eventually.AssertAsync(
                () => Assert.Contains(Simulator.Ledger.Reversals, r => r.Rrn == rrn && r.ResponseCode == "00"),
                TimeSpan.FromSeconds(30));
        }
    }

    private static async Task<FramedClient> SignedOnAsync(NodeProcess node)
    {
        var terminal = await FramedClient.ConnectAsync(node.TerminalEndPoint);
        await terminal.SendRawAsync(TerminalMessages.SignOn(Tid, stan: 1));
        Assert.Equal("00", (await terminal.ReceiveMessageAsync(NodeProcess.FirstReplyWait))[39]);
        return terminal;
    }
}
