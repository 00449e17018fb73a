using System.Net;
using System.Security.Authentication;
using Serilog.Core;
using Serilog.Events;
using Switch.Actors.Acquirers;
using Switch.Host.Acquirers;
using Switch.Host.Tls;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;

namespace Switch.Tests.Host.Tls;

/// <summary>An acquirer link's transport over TLS against the acquirer simulator serving TLS.</summary>
public sealed class LinkTlsTests : IDisposable
{
    private readonly TlsFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_link_over_TLS_to_the_simulator_has_its_purchase_approved()
    {
        await using var simulator = StartSimulator(_files.Server());
        var events = new RecordingLinkEvents();
        await using var transport = Transport(simulator.LocalEndPoint, events, Trusting(_files), Logger.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await transport.ConnectAsync(timeout.Token);

        Assert.True(transport.TrySend(TcpLinkTransportTests.Purchase(Iso87.Ascii, amount: 1000, stan: 21)));

        var answer = new ReceivedMessage(await events.NextMessageAsync(), Iso87.Ascii);
        Assert.Equal("00", answer[39]);
        Assert.Equal("000021", answer[11]);
    }

    [Theory]
    [InlineData("acquirer.example", false, "RemoteCertificateNameMismatch")]
    [InlineData(TlsFiles.ServerName, true, "errors in the certificate chain")]
    public async Task A_simulator_certificate_for_another_name_or_from_an_untrusted_CA_fails_the_connect_and_is_logged(string name, bool otherCa, string reason)
    {
        using var stranger = new TlsFiles("Some other CA");
        await using var simulator = StartSimulator((otherCa ? stranger : _files).Server(name));
        var log = new RecordingLog();

        var failure = await Assert.ThrowsAsync<AuthenticationException>(() => ConnectAsync(simulator.LocalEndPoint, Trusting(_files), log));

        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
        Assert.Contains(log.AtLeast(LogEventLevel.Warning), line => line.Contains("TLS handshake failed", StringComparison.Ordinal) && line.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plain_TCP_acquirer_fails_a_TLS_link_s_connect()
    {
        await using var simulator = StartSimulator(certificate: null);

        await Assert.ThrowsAsync<AuthenticationException>(() => ConnectAsync(simulator.LocalEndPoint, Trusting(_files), new RecordingLog()));
    }

    internal static LinkTlsSettings Trusting(TlsFiles files) =>
        new(TlsFiles.ServerName, new TrustedRoots([files.Authority.Certificate]), ClientCertificate: null);

    private static AcquirerSimulator StartSimulator(System.Security.Cryptography.X509Certificates.X509Certificate2? certificate)
    {
        var simulator = new AcquirerSimulator(new AcquirerSimulatorOptions { Certificate = certificate }, Logger.None);
        simulator.Start();
        return simulator;
    }

    private static async Task ConnectAsync(IPEndPoint endpoint, LinkTlsSettings tls, RecordingLog log)
    {
        await using var transport = Transport(endpoint, new RecordingLinkEvents(), tls, log.Logger);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await transport.ConnectAsync(timeout.Token);
    }

    private static TcpLinkTransport Transport(EndPoint endpoint, RecordingLinkEvents events, LinkTlsSettings tls, Serilog.ILogger log) =>
        new(
            new AcquirerLinkSettings(
                "acq-tls-transport",
                endpoint,
                Iso87.Ascii,
                FrameOptions.Default,
                Timeout: TimeSpan.FromSeconds(30),
                EchoInterval: TimeSpan.FromSeconds(30),
                ReconnectMin: TimeSpan.FromSeconds(1),
                ReconnectMax: TimeSpan.FromSeconds(30)),
            events,
            log,
            tls);
}
