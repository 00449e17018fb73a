using System.Diagnostics;
using Switch.Tests.Support;

namespace Switch.Tests.Host;

/// <summary>
/// A whole node whose SQLite journal becomes unavailable for a while: another connection holds the
/// database's write lock (<c>BEGIN EXCLUSIVE</c>), as a stuck process or a backup would.
/// </summary>
public sealed class JournalFaultTests : IAsyncLifetime
{
    private TestNode? _node;

    // Disposed by DisposeAsync (IAsyncLifetime), which the analyzer does not know of.
    private AcquirerAndJournal World { get; } = new(acquirer: "journal-fault-sim");

    private TestNode Node => _node!;

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync(World.Config);
        await _node.WaitForRouteAsync(World.Name);
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        await World.DisposeAsync();
    }

    [Fact]
    public async Task A_purchase_while_the_journal_is_locked_gets_96_without_reaching_the_acquirer_and_the_terminal_recovers()
    {
        var tid = NodeConfig.Tid(1);
        await using var terminal = await FramedClient.ConnectAsync(Node.TerminalEndPoint);
        await terminal.SendRawAsync(TerminalMessages.SignOn(tid, stan: 1));
        Assert.Equal("00", (await terminal.ReceiveMessageAsync())[39]);
        await terminal.SendRawAsync(TerminalMessages.Purchase(tid, stan: 2, amount: 2200));
        var before = await terminal.ReceiveMessageAsync();

        ReceivedMessage locked;
        var answered = Stopwatch.StartNew();
        using (await SqliteWriteLock.TakeAsync($"Data Source={World.Config.DatabasePath}"))
        {
            await terminal.SendRawAsync(TerminalMessages.Purchase(tid, stan: 3, amount: 3300));
            locked = await terminal.ReceiveMessageAsync(TimeSpan.FromSeconds(30));
            answered.Stop();
        }

        await terminal.SendRawAsync(TerminalMessages.Purchase(tid, stan: 4, amount: 4400));
        var after = await terminal.ReceiveMessageAsync();

        Assert.Equal("00", before[39]);
        Assert.Equal("96", locked[39]);
        Assert.InRange(answered.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
        Assert.Equal("00", after[39]);
        var ledger = World.Simulator.Ledger.Entries;
        Assert.DoesNotContain(ledger, e => e.Amount == 3300);
        Assert.Single(ledger, e => e.Mti == "0200" && e.Rrn == before[37]);
        Assert.Single(ledger, e => e.Mti == "0200" && e.Rrn == after[37]);
    }

    [Fact]
    public async Task A_sign_on_while_the_journal_is_locked_is_answered_96_within_seconds_and_signs_on_once_it_is_back()
    {
        var tid = NodeConfig.Tid(1);
        await using var terminal = await FramedClient.ConnectAsync(Node.TerminalEndPoint);
        await terminal.SendRawAsync(TerminalMessages.SignOn(tid, stan: 1));
        Assert.Equal("00", (await terminal.ReceiveMessageAsync())[39]);
        ReceivedMessage locked;
        var answered = Stopwatch.StartNew();
        using (await SqliteWriteLock.TakeAsync($"Data Source={World.Config.DatabasePath}"))
        {
            await terminal.SendRawAsync(TerminalMessages.SignOn(tid, stan: 2));
            locked = await terminal.ReceiveMessageAsync(TimeSpan.FromSeconds(30));
            answered.Stop();
        }

        await terminal.SendRawAsync(TerminalMessages.SignOn(tid, stan: 3));
        var after = await terminal.ReceiveMessageAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((810, "96"), (locked.Mti, locked[39]));
        Assert.InRange(answered.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
        Assert.Equal((810, "00"), (after.Mti, after[39]));
    }
}
