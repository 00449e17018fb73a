using System.Diagnostics.CodeAnalysis;
using Switch.Host.Terminals;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Tls;

/// <summary>The terminal port with client-certificate = require: only terminals with a certificate from the configured CA are served.</summary>
[Collection(TerminalPortTls.Collection)]
[SuppressMessage("Design", "CA1001", Justification = "Disposed through IAsyncLifetime, which xunit 2 calls.")]
public sealed class MutualTlsTerminalTests : IAsyncLifetime
{
    private readonly AcquirerAndJournal _world = new(acquirer: "acq-tls-mutual");
    private readonly TlsFiles _files = new();
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TerminalPortTls.StartNodeAsync(_world, _files, clientCertificate: "require");

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _world.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task A_terminal_with_a_certificate_from_the_configured_CA_is_served()
    {
        using var certificate = _files.Authority.IssueClient(NodeConfig.Tid(1));
        await using var terminal = await FramedClient.ConnectTlsAsync(_node.TerminalEndPoint, _files.ClientOptions(certificate));

        Assert.Equal("00", await TerminalPortTls.SignOnAndBuyAsync(terminal, NodeConfig.Tid(1)));
    }

    [Fact]
    public async Task A_terminal_with_a_certificate_from_another_CA_is_refused_and_counted()
    {
        using var refused = new ReasonCounts(TerminalPortMetrics.RefusedName);
        using var stranger = new TlsFiles("Some other CA");
        using var certificate = stranger.Authority.IssueClient(NodeConfig.Tid(2));

        Assert.True(await TerminalPortTls.HandshakeOrFirstReplyFailsAsync(_node.TerminalEndPoint, _files.ClientOptions(certificate), NodeConfig.Tid(2)));
        await Eventually.AssertAsync(() => Assert.Equal(1, refused[TerminalTls.HandshakeFailed]));
        Assert.DoesNotContain(_world.Simulator.Ledger.Entries, entry => entry.Tid == NodeConfig.Tid(2));
    }

    [Fact]
    public async Task A_terminal_without_a_certificate_is_refused()
    {
        Assert.True(await TerminalPortTls.HandshakeOrFirstReplyFailsAsync(_node.TerminalEndPoint, _files.ClientOptions(), NodeConfig.Tid(3)));
        Assert.DoesNotContain(_world.Simulator.Ledger.Entries, entry => entry.Tid == NodeConfig.Tid(3));
    }
}
