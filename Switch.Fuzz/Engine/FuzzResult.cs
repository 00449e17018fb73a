using System.Globalization;

namespace Switch.Fuzz.Engine;

/// <summary>What one session did; <see cref="Crash"/> is null when nothing was found.</summary>
internal sealed record FuzzResult(
    string Target,
    long Executions,
    TimeSpan Elapsed,
    int Seeds,
    int Queue,
    int Edges,
    string? Crash,
    string? CrashFile)
{
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Target}: {Executions:N0} executions in {Elapsed.TotalSeconds:F1} s ({Executions / Math.Max(Elapsed.TotalSeconds, 0.001):N0}/s), {Seeds} seeds, {Edges} edges, queue {Queue}, {(Crash is null ? "no crash" : "CRASH")}");
}
