using System.Net;
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
}
