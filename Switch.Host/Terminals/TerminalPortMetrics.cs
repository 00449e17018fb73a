using System.Diagnostics.Metrics;
using Switch.Actors;

namespace Switch.Host.Terminals;

/// <summary>The terminal port's instruments, on the switch's meter.</summary>
public static class TerminalPortMetrics
{
    public const string ConnectionsName = "switch.terminal.connections";
    public const string ClosedForBadInputName = "switch.terminal.closed_for_bad_input";
    public const string FormatErrorsName = "switch.terminal.format_errors";

    private static readonly UpDownCounter<long> Connections = SwitchMeter.Instance.CreateUpDownCounter<long>(
        ConnectionsName, "{connection}", "Terminal connections open now.");

    private static readonly Counter<long> ClosedForBadInput = SwitchMeter.Instance.CreateCounter<long>(
        ClosedForBadInputName, "{connection}", "Terminal connections closed because of what they sent (oversized or unreadable frames).");

    private static readonly Counter<long> FormatErrors = SwitchMeter.Instance.CreateCounter<long>(
        FormatErrorsName, "{message}", "Malformed but identifiable terminal messages, answered 30.");

    internal static void Opened() => Connections.Add(1);

    internal static void Closed() => Connections.Add(-1);

    internal static void ClosedBadInput() => ClosedForBadInput.Add(1);

    internal static void FormatError() => FormatErrors.Add(1);
}
