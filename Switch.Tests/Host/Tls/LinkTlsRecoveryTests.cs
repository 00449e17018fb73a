using System.Diagnostics.CodeAnalysis;
using Serilog.Core;
using Serilog.Events;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;

namespace Switch.Tests.Host.Tls;

/// <summary>
/// A node's TLS link to an acquirer whose certificate is wrong keeps retrying with its backoff and
/// comes up once the acquirer serves the right one, with no restart of the node.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Disposed through IAsyncLifetime, which xunit 2 calls.")]
public sealed class LinkTlsRecoveryTests : IAsyncLifetime
{
    private const string Acquirer = "acq-tls-recovery";

    private readonly TlsFiles _files = new();
    private readonly NodeConfig _config = NodeConfig.WithNewDatabase();
    private readonly RecordingLog _log = new();
    private AcquirerSimulator _simulator = null!;

    public Task InitializeAsync()
    {
        _simulator = new AcquirerSimulator(new AcquirerSimulatorOptions { Certificate = _files.Server("acquirer.example") }, Logger.None);
        _simulator.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _config.Delete();
        _files.Dispose();
    }

    [Fact]
    public async Task A_link_refused_for_its_certificate_retries_and_comes_up_when_the_acquirer_serves_the_right_one()
    {
        var endpoint = _simulator.LocalEndPoint;
        var config = new NodeConfig(_config.DatabasePath) { Extra = _files.LinkTo(Acquirer, endpoint) };
        await using var node = await TestNode.StartAsync(config, _log.Logger);

        await Eventually.AssertAsync(() => Assert.True(HandshakesRefused() >= 3, $"{HandshakesRefused()} handshakes refused so far"));
        await _simulator.DisposeAsync();
        _simulator = new AcquirerSimulator(new AcquirerSimulatorOptions { Listen = endpoint, Certificate = _files.Server() }, Logger.None);
        _simulator.Start();

        await node.WaitForRouteAsync(Acquirer);
        await using var terminal = await FramedClient.ConnectAsync(node.TerminalEndPoint);
        Assert.Equal("00", await TerminalPortTls.SignOnAndBuyAsync(terminal, NodeConfig.Tid(1)));
        Assert.Contains(_simulator.Ledger.Entries, entry => entry.Tid == NodeConfig.Tid(1) && entry.ResponseCode == "00");
    }

    private int HandshakesRefused() =>
        _log.AtLeast(LogEventLevel.Warning).Count(line => line.Contains("TLS handshake failed", StringComparison.Ordinal) && line.Contains("RemoteCertificateNameMismatch", StringComparison.Ordinal));
}
