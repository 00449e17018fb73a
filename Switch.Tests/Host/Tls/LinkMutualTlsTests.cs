using System.Diagnostics.CodeAnalysis;
using Serilog.Events;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;

namespace Switch.Tests.Host.Tls;

/// <summary>
/// Mutual TLS on an acquirer link: the simulator requires a client certificate from its CA, and a
/// node's link comes up only when it presents one; any other link is refused at the handshake,
/// counted and logged by the simulator, and retried by the node, while the simulator serves others.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Disposed through IAsyncLifetime, which xunit 2 calls.")]
public sealed class LinkMutualTlsTests : IAsyncLifetime
{
    private readonly TlsFiles _files = new();
    private readonly TlsFiles _stranger = new("Some other CA");
    private readonly NodeConfig _config = NodeConfig.WithNewDatabase();
    private readonly RecordingLog _simulatorLog = new();
    private AcquirerSimulator _simulator = null!;

    public Task InitializeAsync()
    {
        _simulator = new AcquirerSimulator(
            new AcquirerSimulatorOptions { Certificate = _files.Server(), ClientCa = [_files.Authority.Certificate] },
            _simulatorLog.Logger);
        _simulator.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _config.Delete();
        _stranger.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task A_link_presenting_a_certificate_from_the_acquirer_s_CA_comes_up_and_its_purchase_is_approved()
    {
        const string acquirer = "acq-mtls-accepted";
        using var certificate = _files.Authority.IssueClient("switch-link");
        await using var node = await TestNode.StartAsync(NodeLinkingWith(acquirer, ClientCertificateKeys(_files.Write(certificate))));

        await node.WaitForRouteAsync(acquirer);
        await using var terminal = await FramedClient.ConnectAsync(node.TerminalEndPoint);

        Assert.Equal("00", await TerminalPortTls.SignOnAndBuyAsync(terminal, NodeConfig.Tid(1)));
        Assert.Contains(_simulator.Ledger.Entries, entry => entry.Tid == NodeConfig.Tid(1) && entry.Mti == "0200" && entry.ResponseCode == "00");
        Assert.Equal(0, _simulator.FailedHandshakes);
    }

    [Theory]
    [InlineData("acq-mtls-no-certificate", false, "RemoteCertificateNotAvailable")]
    [InlineData("acq-mtls-other-ca", true, "errors in the certificate chain")]
    public async Task A_link_without_a_certificate_or_with_one_from_another_CA_never_comes_up_and_keeps_retrying(string acquirer, bool otherCa, string reason)
    {
        using var stranger = _stranger.Authority.IssueClient("switch-link");
        var tls = otherCa ? ClientCertificateKeys(_stranger.Write(stranger)) : string.Empty;
        await using var node = await TestNode.StartAsync(NodeLinkingWith(acquirer, tls));

        await Eventually.AssertAsync(() => Assert.True(_simulator.FailedHandshakes >= 3, $"{_simulator.FailedHandshakes} handshakes refused so far"));
        await using (var terminal = await FramedClient.ConnectAsync(node.TerminalEndPoint))
        {
            Assert.Equal("91", await TerminalPortTls.SignOnAndBuyAsync(terminal, NodeConfig.Tid(2)));
        }

        var refusedBefore = _simulator.FailedHandshakes;
        await Eventually.AssertAsync(() => Assert.True(_simulator.FailedHandshakes > refusedBefore, "the node stopped retrying its link"));
        Assert.Empty(_simulator.Ledger.Entries);
        Assert.Contains(_simulatorLog.AtLeast(LogEventLevel.Warning), line => line.Contains("TLS handshake with a link failed", StringComparison.Ordinal) && line.Contains(reason, StringComparison.Ordinal));

        using var trusted = _files.Authority.IssueClient("another-link");
        await using var other = await FramedClient.ConnectTlsAsync(_simulator.LocalEndPoint, _files.ClientOptions(trusted));
        await other.SendRawAsync(TerminalMessages.Purchase(NodeConfig.Tid(3), stan: 3, amount: 1000));
        Assert.Equal("00", (await other.ReceiveMessageAsync())[39]);
    }

    private static string ClientCertificateKeys((string Certificate, string Key) files) =>
        $", certificate-file = \"{files.Certificate}\", key-file = \"{files.Key}\"";

    /// <summary>A node with one link, to the simulator over TLS, with <paramref name="clientCertificate"/> keys added to its tls block.</summary>
    private NodeConfig NodeLinkingWith(string acquirer, string clientCertificate) =>
        new(_config.DatabasePath) { Extra = _files.LinkTo(acquirer, _simulator.LocalEndPoint, clientCertificate) };
}
