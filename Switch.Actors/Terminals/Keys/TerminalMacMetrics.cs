using System.Diagnostics.Metrics;

namespace Switch.Actors.Terminals.Keys;

/// <summary>Financial messages refused (63) for their MAC, or for having none to check where every terminal must.</summary>
public static class TerminalMacMetrics
{
    public const string FailuresName = "switch.terminal.mac_failures";

    private static readonly Counter<long> Failures = SwitchMeter.Instance.CreateCounter<long>(
        FailuresName, "{message}", "Financial messages answered 63: of keyed terminals, reason missing, wrong, no-session or key-unreadable; of terminals without a key where switch.terminals.mac = required, no-key.");

    internal static void Failed(string reason) => Failures.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
