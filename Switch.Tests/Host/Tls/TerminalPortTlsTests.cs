using System.Diagnostics.CodeAnalysis;
using Switch.Host.Terminals;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Tls;

/// <summary>The terminal port with TLS on (server certificate only): terminals over TLS are served, anything else is closed and counted.</summary>
[Collection(TerminalPortTls.Collection)]
[SuppressMessage("Design", "CA1001", Justification = "Disposed through IAsyncLifetime, which xunit 2 calls.")]
public sealed class TerminalPortTlsTests : IAsyncLifetime
{
    private readonly AcquirerAndJournal _world = new(acquirer: "acq-tls-port");
    private readonly TlsFiles _files = new();
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TerminalPortTls.StartNodeAsync(_world, _files);

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _world.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task A_terminal_over_TLS_signs_on_and_its_purchase_is_approved_00()
    {
        await using var terminal = await FramedClient.ConnectTlsAsync(_node.TerminalEndPoint, _files.ClientOptions());

        Assert.Equal("00", await TerminalPortTls.SignOnAndBuyAsync(terminal, NodeConfig.Tid(1)));
        Assert.Contains(_world.Simulator.Ledger.Entries, entry => entry.Tid == NodeConfig.Tid(1) && entry.Mti == "0200");
    }

    [Fact]
    public async Task A_plain_TCP_terminal_is_closed_and_counted_while_a_TLS_terminal_beside_it_is_served()
    {
        using var refused = new ReasonCounts(TerminalPortMetrics.RefusedName);
        await using var tls = await FramedClient.ConnectTlsAsync(_node.TerminalEndPoint, _files.ClientOptions());
        await using var plain = await FramedClient.ConnectAsync(_node.TerminalEndPoint);

        await plain.SendRawAsync(TerminalMessages.SignOn(NodeConfig.Tid(3), stan: 1));

        Assert.True(await TerminalPortTls.ClosedAsync(plain, TimeSpan.FromSeconds(10)));
        await Eventually.AssertAsync(() => Assert.Equal(1, refused[TerminalTls.HandshakeFailed]));
        Assert.Equal("00", await TerminalPortTls.SignOnAndBuyAsync(tls, NodeConfig.Tid(2)));
        Assert.DoesNotContain(_world.Simulator.Ledger.Entries, entry => entry.Tid == NodeConfig.Tid(3));
    }

    [Fact]
    public async Task A_connection_that_never_starts_its_handshake_is_closed_after_the_handshake_timeout()
    {
        using var refused = new ReasonCounts(TerminalPortMetrics.RefusedName);
        await using var silent = await FramedClient.ConnectAsync(_node.TerminalEndPoint);

        // handshake-timeout = 1s; the idle timeout (5 minutes) would not have closed it yet.
        Assert.True(await TerminalPortTls.ClosedAsync(silent, TimeSpan.FromSeconds(8)));
        await Eventually.AssertAsync(() => Assert.Equal(1, refused[TerminalTls.HandshakeFailed]));
    }

    [Fact]
    public async Task A_terminal_that_does_not_trust_the_port_s_CA_cannot_connect()
    {
        using var stranger = new TlsFiles("Some other CA");

        Assert.True(await TerminalPortTls.HandshakeOrFirstReplyFailsAsync(_node.TerminalEndPoint, stranger.ClientOptions(), NodeConfig.Tid(4)));
    }
}
