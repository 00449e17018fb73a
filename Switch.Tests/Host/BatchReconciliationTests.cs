using Switch.Actors.Terminals;
using Switch.Tests.Support;

namespace Switch.Tests.Host;

/// <summary>
/// Batch reconciliation over real sockets: a whole node, the acquirer simulator answering by amount,
/// terminals that sell, get declined, reverse, and close their batch with an 0500.
/// </summary>
public sealed class BatchReconciliationTests : IClassFixture<SwitchNodeFixture>
{
    private readonly SwitchNodeFixture _fixture;

    public BatchReconciliationTests(SwitchNodeFixture fixture)
    {
        _fixture = fixture;
    }

    private TestNode Node => _fixture.Node;

    [Fact]
    public async Task Sales_less_a_reversal_balance_00_declines_do_not_count_and_a_wrong_count_is_answered_95()
    {
        var tid = NodeConfig.Tid(90);
        await using var terminal = await SignedOnAsync(tid);
        Assert.Equal("00", await PurchaseAsync(terminal, tid, stan: 10, amount: 1000));
        Assert.Equal("00", await PurchaseAsync(terminal, tid, stan: 11, amount: 2500));
        Assert.Equal("51", await PurchaseAsync(terminal, tid, stan: 12, amount: 1051));
        Assert.Equal("05", await PurchaseAsync(terminal, tid, stan: 13, amount: 2005));
        await terminal.SendRawAsync(TerminalMessages.Reversal(tid, stan: 11, amount: 2500));
        Assert.Equal("00", (await terminal.ReceiveMessageAsync())[39]);

        await terminal.SendRawAsync(TerminalMessages.Batch(tid, stan: 20, new BatchCount(Sales: 2, SalesAmount: 3500, Reversals: 1, ReversalsAmount: 2500)));
        var balanced = await terminal.ReceiveMessageAsync();
        Assert.Equal("00", await PurchaseAsync(terminal, tid, stan: 14, amount: 4000));
        await terminal.SendRawAsync(TerminalMessages.Batch(tid, stan: 21, BatchCount.Empty));
        var unbalanced = await terminal.ReceiveMessageAsync();
        await terminal.SendRawAsync(TerminalMessages.Batch(tid, stan: 22, BatchCount.Empty));
        var empty = await terminal.ReceiveMessageAsync();

        Assert.Equal((510, "00"), (balanced.Mti, balanced[39]));
        Assert.Equal(("0000000002", "0000000000003500", "0000000001", "0000000000002500"), (balanced[76], balanced[88], balanced[77], balanced[89]));
        Assert.Equal(("95", "0000000000"), (unbalanced[39], unbalanced[76]));
        Assert.Equal("00", empty[39]);
        var journal = Node.System.Settings.Config;
        Assert.Equal(3, SqliteJournal.Tagged(journal, TerminalActor.BatchTag).Count(id => id == "terminal-" + tid));
        Assert.Single(SqliteJournal.Tagged(journal, TerminalActor.UnbalancedBatchTag), id => id == "terminal-" + tid);
    }

    [Fact]
    public async Task A_malformed_close_is_answered_30_and_leaves_the_batch_open_and_a_retransmission_gets_the_same_0510()
    {
        var tid = NodeConfig.Tid(91);
        await using var terminal = await SignedOnAsync(tid);
        Assert.Equal("00", await PurchaseAsync(terminal, tid, stan: 10, amount: 1200));
        var letters = TerminalMessages.Batch(tid, stan: 20, new BatchCount(7, 1200));
        var count = letters.AsSpan().IndexOf("0000000007"u8);
        "A"u8.CopyTo(letters.AsSpan(count + 9));

        await terminal.SendRawAsync(letters);
        var nonNumeric = await terminal.ReceiveMessageAsync();
        await terminal.SendRawAsync(TerminalMessages.Batch(tid, stan: 21, new BatchCount(1, 1200), omit: 89));
        var missing = await terminal.ReceiveMessageAsync();
        var close = TerminalMessages.Batch(tid, stan: 22, new BatchCount(1, 1200));
        await terminal.SendRawAsync(close);
        var first = await terminal.ReceiveMessageAsync();
        await terminal.SendRawAsync(close);
        var again = await terminal.ReceiveMessageAsync();

        Assert.Equal(("30", "30"), (nonNumeric[39], missing[39]));
        Assert.Equal("00", first[39]);
        Assert.Equal(first.Bytes, again.Bytes);
        Assert.Single(SqliteJournal.Tagged(Node.System.Settings.Config, TerminalActor.BatchTag), id => id == "terminal-" + tid);
    }

    private static async Task<string> PurchaseAsync(FramedClient terminal, string tid, int stan, long amount)
    {
        await terminal.SendRawAsync(TerminalMessages.Purchase(tid, stan, amount));
        return (await terminal.ReceiveMessageAsync())[39];
    }

    private async Task<FramedClient> SignedOnAsync(string tid)
    {
        var client = await FramedClient.ConnectAsync(Node.TerminalEndPoint);
        await client.SendRawAsync(TerminalMessages.SignOn(tid, stan: 1));
        Assert.Equal("00", (await client.ReceiveMessageAsync())[39]);
        return client;
    }
}
