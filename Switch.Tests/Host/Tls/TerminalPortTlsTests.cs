using System.Security.Cryptography.X509Certificates;
using Serilog.Core;
using Switch.Host.Terminals;
using Switch.Tests.Support;
using Switch.Traffic.Generator;

namespace Switch.Tests.Host.Tls;

/// <summary>The terminal port with TLS on (server certificate only): terminals over TLS are served, anything else is closed and counted.</summary>
[Collection(TerminalPortTls.Collection)]
public sealed class TerminalPortTlsTests() : TerminalPortTls("acq-tls-port", clientCertificate: "none")
{
    [Fact]
    public async Task A_terminal_over_TLS_signs_on_and_its_purchase_is_approved_00()
    {
        await using var terminal = await FramedClient.ConnectTlsAsync(Node.TerminalEndPoint, Files.ClientOptions());

        Assert.Equal("00", await SignOnAndBuyAsync(terminal, NodeConfig.Tid(1)));
        Assert.Contains(World.Simulator.Ledger.Entries, entry => entry.Tid == NodeConfig.Tid(1) && entry.Mti == "0200");
    }

    [Fact]
    public async Task A_plain_TCP_terminal_is_closed_and_counted_while_a_TLS_terminal_beside_it_is_served()
    {
        using var refused = new ReasonCounts(TerminalPortMetrics.RefusedName);
        await using var tls = await FramedClient.ConnectTlsAsync(Node.TerminalEndPoint, Files.ClientOptions());
        await using var plain = await FramedClient.ConnectAsync(Node.TerminalEndPoint);

        await plain.SendRawAsync(TerminalMessages.SignOn(NodeConfig.Tid(3), stan: 1));

        Assert.True(await ClosedAsync(plain, TimeSpan.FromSeconds(10)));
        await Eventually.AssertAsync(() => Assert.Equal(1, refused[TerminalTls.HandshakeFailed]));
        Assert.Equal("00", await SignOnAndBuyAsync(tls, NodeConfig.Tid(2)));
        Assert.DoesNotContain(World.Simulator.Ledger.Entries, entry => entry.Tid == NodeConfig.Tid(3));
    }

    [Fact]
    public async Task A_connection_that_never_starts_its_handshake_is_closed_after_the_handshake_timeout()
    {
        using var refused = new ReasonCounts(TerminalPortMetrics.RefusedName);
        await using var silent = await FramedClient.ConnectAsync(Node.TerminalEndPoint);

        // handshake-timeout = 1s; the idle timeout (5 minutes) would not have closed it yet.
        Assert.True(await ClosedAsync(silent, TimeSpan.FromSeconds(8)));
        await Eventually.AssertAsync(() => Assert.Equal(1, refused[TerminalTls.HandshakeFailed]));
    }

    [Fact]
    public async Task The_generator_over_TLS_drives_the_port_and_every_purchase_is_approved()
    {
        var results = await RunGeneratorAsync(terminals: 3, firstTerminal: 10, TimeSpan.FromSeconds(1), Files.Authority.Certificate, pipeline: 4);

        Assert.Equal(3, results.SignedOn);
        Assert.True(results.Completed > 0);
        Assert.Equal(0, results.Errors);
        Assert.Equal(results.Completed, results.ResponseCodes.GetValueOrDefault("00"));
    }

    [Fact]
    public async Task The_generator_that_does_not_trust_the_port_s_certificate_reports_failed_sign_ons()
    {
        using var stranger = new TlsFiles("Some other CA");
        var results = await RunGeneratorAsync(terminals: 1, firstTerminal: 20, TimeSpan.FromMilliseconds(200), stranger.Authority.Certificate);

        Assert.Equal(0, results.SignedOn);
        Assert.StartsWith("TLS handshake failed", Assert.Single(results.SignOnFailures).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_terminal_that_does_not_trust_the_port_s_CA_cannot_connect()
    {
        using var stranger = new TlsFiles("Some other CA");

        Assert.True(await HandshakeOrFirstReplyFailsAsync(Node.TerminalEndPoint, stranger.ClientOptions(), NodeConfig.Tid(4)));
    }

    private Task<RunResults> RunGeneratorAsync(int terminals, int firstTerminal, TimeSpan duration, X509Certificate2 trusted, int pipeline = 1) =>
        TrafficRun.RunAsync(
            new RunOptions
            {
                Target = Node.TerminalEndPoint,
                Terminals = terminals,
                FirstTerminal = firstTerminal,
                Pipeline = pipeline,
                Duration = duration,
                Tls = new ClientTlsOptions(TlsFiles.ServerName, [trusted]),
            },
            Logger.None,
            CancellationToken.None);
}
