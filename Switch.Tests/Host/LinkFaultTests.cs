using Switch.Tests.Support;
using Switch.Traffic.Acquirer;

namespace Switch.Tests.Host;

/// <summary>
/// A whole node whose acquirer misbehaves on the link (the simulator's <see cref="ResponseRules.Fault"/>):
/// the purchase caught in it is answered and reversed once, nothing is authorized twice, and the
/// link comes back by itself.
/// </summary>
public sealed class LinkFaultTests : IAsyncLifetime
{
    private TestNode? _node;

    // Disposed by DisposeAsync (IAsyncLifetime), which the analyzer does not know of. A 2 s link
    // timeout keeps a loaded machine from timing out the reversal's own answer (which would repeat it
    // as an 0401); the late answer comes well after it.
    private AcquirerAndJournal World { get; } = new(
        linkTimeout: TimeSpan.FromSeconds(2),
        acquirer: "link-fault-sim",
        simulator: new AcquirerSimulatorOptions { LateAnswerDelay = TimeSpan.FromSeconds(4) });

    private TestNode Node => _node!;

    private AcquirerSimulator Simulator => World.Simulator;

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

    [Theory]
    [InlineData(LinkFault.Disconnect, "91")]
    [InlineData(LinkFault.AnswerLate, "68")]
    [InlineData(LinkFault.CutMidFrame, "91")]
    [InlineData(LinkFault.Garbage, "91")]
    public async Task A_purchase_caught_in_a_link_fault_is_reversed_once_and_the_link_recovers_by_itself(LinkFault fault, string code)
    {
        var tid = NodeConfig.Tid(1);
        await using var terminal = await FramedClient.ConnectAsync(Node.TerminalEndPoint);
        await terminal.SendRawAsync(TerminalMessages.SignOn(tid, stan: 1));
        Assert.Equal("00", (await terminal.ReceiveMessageAsync())[39]);

        Simulator.Options.Rules.Fault = fault;
        await terminal.SendRawAsync(TerminalMessages.Purchase(tid, stan: 2, amount: 2200));
        var caught = await terminal.ReceiveMessageAsync();
        Simulator.Options.Rules.Fault = null;
        await Node.WaitForRouteAsync(World.Name);
        await terminal.SendRawAsync(TerminalMessages.Purchase(tid, stan: 3, amount: 3300));
        var later = await terminal.ReceiveMessageAsync();

        Assert.Equal(code, caught[39]);
        Assert.Equal("00", later[39]);
        await Eventually.AssertAsync(async () => Assert.Contains(
            "switch.events.v1.ReversalAnswered",
            await Node.Admin.GetStringAsync(new Uri($"/api/transactions/{caught[37]}", UriKind.Relative)),
            StringComparison.Ordinal));
        var ledger = Simulator.Ledger.Entries;
        var reversal = Assert.Single(ledger, e => e.IsReversal && e.Rrn == caught[37]);
        Assert.Equal("0400", reversal.Mti);
        Assert.DoesNotContain(ledger, e => e.IsReversal && e.Rrn == later[37]);
        var purchases = ledger.Where(e => e.Mti == "0200").Select(e => e.Rrn).ToList();
        Assert.Equal([caught[37], later[37]], purchases);
    }
}
