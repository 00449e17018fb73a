using System.Net;
using System.Security.Cryptography.X509Certificates;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Traffic.Acquirer;

public sealed record AcquirerSimulatorOptions
{
    /// <summary>Where to listen; port 0 picks a free port (see <see cref="AcquirerSimulator.LocalEndPoint"/>).</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 0);
    public IsoProfile Profile { get; init; } = Iso87.Ascii;
    public FrameOptions Framing { get; init; } = FrameOptions.Default;
    /// <summary>Delay before every answer.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;
    public ResponseRules Rules { get; init; } = new();
    /// <summary>How long an answer is held back under <see cref="LinkFault.AnswerLate"/>: longer than the switch's link timeout.</summary>
    public TimeSpan LateAnswerDelay { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>JSON-lines file recording every message received; none when null.</summary>
    public string? LedgerPath { get; init; }
    /// <summary>The certificate, with its private key, of a simulator that speaks TLS (1.2 or 1.3) to its links; plain TCP when null.</summary>
    public X509Certificate2? Certificate { get; init; }
    /// <summary>
    /// With <see cref="Certificate"/>: mutual TLS, every link must present a certificate that chains
    /// to one of these CA certificates (never the system's store), or its handshake fails; no
    /// certificate is asked for when null.
    /// </summary>
    public X509Certificate2Collection? ClientCa { get; init; }
}
