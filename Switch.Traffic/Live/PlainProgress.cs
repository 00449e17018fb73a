using Switch.Traffic.Generator;

namespace Switch.Traffic.Live;

/// <summary>
/// Progress as one line a second, for output that is not a terminal (redirected, CI logs), where
/// redrawing a table in place would only leave escape codes behind.
/// </summary>
public sealed class PlainProgress(TextWriter output) : IProgress<RunProgress>
{
    private readonly Lock _writing = new();

    public void Report(RunProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var line = $"[{ProgressText.Time(value)}] tps {ProgressText.Throughput(value)} | {ProgressText.Latency(value)} | "
            + $"{ProgressText.Counts(value)} | codes {ProgressText.Codes(value)} | {ProgressText.Terminals(value)}";
        lock (_writing)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
