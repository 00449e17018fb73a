using System.Diagnostics;
using Switch.Tests.Support;

namespace Switch.Tests.Host;

/// <summary>
/// A whole node through a journal outage (another connection holds the SQLite write lock, as in
/// <see cref="JournalFaultTests"/>): a signed-on terminal's sign-on is answered 96 rather than never.
/// </summary>
public sealed class JournalOutageTests : IAsyncLifetime
{
    private TestNode? _node;

    // Disposed by DisposeAsync (IAsyncLifetime), which the analyzer does not know of.
    private AcquirerAndJournal World { get; } = new(acquirer: "journal-outage-sim");

    private TestNode Node => _node!;

    private string ConnectionString => $"Data Source={World.Config.DatabasePath}";

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
    public async Task A_sign_on_while_the_journal_is_locked_is_answered_96_within_seconds_and_signs_on_once_it_is_back()
    {
        var tid = NodeConfig.Tid(1);
        await using var terminal = await FramedClient.ConnectAsync(Node.TerminalEndPoint);
        await terminal.SendRawAsync(TerminalMessages.SignOn(tid, stan: 1));
        Assert.Equal("00", (await terminal.ReceiveMessageAsync())[39]);
        ReceivedMessage locked;
        var answered = Stopwatch.StartNew();
        using (await SqliteWriteLock.TakeAsync(ConnectionString))
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
