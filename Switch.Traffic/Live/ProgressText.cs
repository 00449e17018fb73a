using System.Globalization;
using Switch.Traffic.Generator;

namespace Switch.Traffic.Live;

/// <summary>The figures of a <see cref="RunProgress"/> as text, shared by the live table and the plain lines so both say the same.</summary>
internal static class ProgressText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Time(RunProgress p) => p.Remaining > TimeSpan.Zero
        ? string.Create(Invariant, $"{p.Elapsed.TotalSeconds:0}s elapsed, {Math.Ceiling(p.Remaining.TotalSeconds):0}s left")
        : string.Create(Invariant, $"{p.Elapsed.TotalSeconds:0}s elapsed, awaiting the last answers");

    public static string Throughput(RunProgress p) =>
        string.Create(Invariant, $"{p.LastSecond.Tps:0.0}/s last second, {p.AverageTps:0.0}/s average");

    public static string Latency(RunProgress p) =>
        $"p50 {Millis(p.LatencyMicros.P50)}  p99 {Millis(p.LatencyMicros.P99)}  p99.9 {Millis(p.LatencyMicros.P999)}";

    public static string Counts(RunProgress p) =>
        string.Create(Invariant, $"{p.Completed} completed of {p.Sent} sent, {p.Errors} errors");

    public static string Codes(RunProgress p) => p.ResponseCodes.Count == 0
        ? "none yet"
        : string.Join("  ", p.ResponseCodes.Select(c => string.Create(Invariant, $"{c.Key}={c.Value}")));

    public static string Terminals(RunProgress p) => string.Create(Invariant, $"{p.SignedOn}/{p.Terminals} signed on");

    public static string Millis(long micros) => string.Create(Invariant, $"{micros / 1000.0:0.###}ms");
}
