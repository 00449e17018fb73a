using System.Diagnostics.Metrics;

namespace Switch.Actors.Terminals.Keys;

/// <summary>Keyed terminals' messages refused (63) for their MAC.</summary>
public static class TerminalMacMetrics
{
    public const string FailuresName = "switch.terminal.mac_failures";

    private static readonly Counter<long> Failures = SwitchMeter.Instance.CreateCounter<long>(
        FailuresName, "{message}", "Financial messages of keyed terminals answered 63: reason missing, wrong, no-session or key-unreadable.");

    internal static void Failed(string reason) => Failures.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
