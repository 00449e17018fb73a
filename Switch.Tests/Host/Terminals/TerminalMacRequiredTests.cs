using System.Diagnostics.CodeAnalysis;
using Switch.Actors.Terminals.Keys;
using Switch.Protocol.Security;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Terminals;

/// <summary>
/// A whole node with <c>switch.terminals.mac = required</c>, over real sockets: a terminal without a
/// master key signs on but its purchase is answered 63 and never reaches the acquirer, while a keyed
/// terminal on the same node is approved with its MAC.
/// </summary>
[Collection(KeylessMacRefusals.Name)]
[SuppressMessage("Design", "CA1001", Justification = "Disposed in DisposeAsync (IAsyncLifetime), which the analyzer does not know of.")]
public sealed class TerminalMacRequiredTests : IAsyncLifetime
{
    private static readonly string KeylessTid = NodeConfig.Tid(31);
    private static readonly string KeyedTid = NodeConfig.Tid(32);

    private readonly AcquirerAndJournal _world = new(acquirer: "mac-required-tests-sim");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_keyless_terminal_s_purchase_is_answered_63_and_never_reaches_the_acquirer_while_a_keyed_one_is_approved()
    {
        await using var node = await TestNode.StartAsync(new NodeConfig(_world.Config.DatabasePath)
        {
            Acquirers = { (_world.Name, _world.EndPoint) },
            Extra = $$"""
                switch.terminals.mac = required
                switch.registry.terminals = [
                  { tid = "{{KeylessTid}}", mid = "{{NodeConfig.Mid}}" },
                  { tid = "{{KeyedTid}}", mid = "{{NodeConfig.Mid}}", master-key = "{{MacTerminal.MasterKeyHex}}" }
                ]
                """,
        });
        await node.WaitForRouteAsync(_world.Name);
        using var failures = new ReasonCounts(TerminalMacMetrics.FailuresName);
        await using var keyless = await FramedClient.ConnectAsync(node.TerminalEndPoint);
        await keyless.SendRawAsync(TerminalMessages.SignOn(KeylessTid, stan: 1));
        var signedOn = await keyless.ReceiveMessageAsync();
        Assert.Equal("00", signedOn[39]);
        Assert.False(signedOn.Has(62));

        await keyless.SendRawAsync(TerminalMessages.Purchase(KeylessTid, stan: 2, amount: 2100));
        var refused = await keyless.ReceiveMessageAsync();

        using var mac = new MacTerminal();
        await using var keyed = await FramedClient.ConnectAsync(node.TerminalEndPoint);
        await keyed.SendRawAsync(TerminalMessages.SignOn(KeyedTid, stan: 1));
        mac.SignedOn(await keyed.ReceiveMessageAsync());
        await keyed.SendRawAsync(mac.Sign(TerminalMessages.Purchase(KeyedTid, stan: 2, amount: 2200)));
        var approved = await keyed.ReceiveMessageAsync();

        Assert.Equal((210, "63"), (refused.Mti, refused[39]));
        Assert.Equal("00", approved[39]);
        Assert.Equal(MacVerdict.Valid, mac.Verify(approved));
        // The keyed purchase reached the acquirer after the keyless one was refused: had that gone on, it would be there too.
        Assert.Single(_world.Simulator.Ledger.Entries, e => e.Tid == KeyedTid && e.Mti == "0200");
        Assert.DoesNotContain(_world.Simulator.Ledger.Entries, e => e.Tid == KeylessTid);
        Assert.Equal(1, failures["no-key"]);
        var metrics = await node.Admin.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Matches("""switch_terminal_mac_failures_total\{[^}]*reason="no-key"[^}]*\} [1-9]""", metrics);
    }
}
