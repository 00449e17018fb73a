using Switch.Host.Terminals;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Tls;

/// <summary>The terminal port with client-certificate = require: only terminals with a certificate from the configured CA are served.</summary>
[Collection(TerminalPortTls.Collection)]
public sealed class MutualTlsTerminalTests() : TerminalPortTls("acq-tls-mutual", clientCertificate: "require")
{
    [Fact]
    public async Task A_terminal_with_a_certificate_from_the_configured_CA_is_served()
    {
        using var certificate = Files.Authority.IssueClient(NodeConfig.Tid(1));
        await using var terminal = await FramedClient.ConnectTlsAsync(Node.TerminalEndPoint, Files.ClientOptions(certificate));

        Assert.Equal("00", await SignOnAndBuyAsync(terminal, NodeConfig.Tid(1)));
    }

    [Fact]
    public async Task A_terminal_with_a_certificate_from_another_CA_is_refused_and_counted()
    {
        using var refused = new ReasonCounts(TerminalPortMetrics.RefusedName);
        using var stranger = new TlsFiles("Some other CA");
        using var certificate = stranger.Authority.IssueClient(NodeConfig.Tid(2));

        Assert.True(await HandshakeOrFirstReplyFailsAsync(Node.TerminalEndPoint, Files.ClientOptions(certificate), NodeConfig.Tid(2)));
        await Eventually.AssertAsync(() => Assert.Equal(1, refused[TerminalTls.HandshakeFailed]));
        Assert.DoesNotContain(World.Simulator.Ledger.Entries, entry => entry.Tid == NodeConfig.Tid(2));
    }

    [Fact]
    public async Task A_terminal_without_a_certificate_is_refused()
    {
        Assert.True(await HandshakeOrFirstReplyFailsAsync(Node.TerminalEndPoint, Files.ClientOptions(), NodeConfig.Tid(3)));
        Assert.DoesNotContain(World.Simulator.Ledger.Entries, entry => entry.Tid == NodeConfig.Tid(3));
    }
}
