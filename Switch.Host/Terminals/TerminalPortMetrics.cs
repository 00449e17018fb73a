using System.Diagnostics.Metrics;
using Switch.Actors;

namespace Switch.Host.Terminals;

/// <summary>The terminal port's instruments, on the switch's meter.</summary>
public static class TerminalPortMetrics
{
    public const string ConnectionsName = "switch.terminal.connections";
    public const string ClosedForBadInputName = "switch.terminal.closed_for_bad_input";
    public const string FormatErrorsName = "switch.terminal.format_errors";
    public const string RefusedName = "switch.terminal.connections_refused";
    public const string ClosedByLimitName = "switch.terminal.connections_closed_by_limit";
    public const string ReasonTag = "reason";

    // Observed as a level, not added up: an exporter started after connections opened would
    // otherwise count their closing below zero.
    private static long _open;

    private static readonly Counter<long> ClosedForBadInput = SwitchMeter.Instance.CreateCounter<long>(
        ClosedForBadInputName, "{connection}", "Terminal connections closed because of what they sent (oversized or unreadable frames).");

    private static readonly Counter<long> FormatErrors = SwitchMeter.Instance.CreateCounter<long>(
        FormatErrorsName, "{message}", "Malformed but identifiable terminal messages, answered 30.");

    private static readonly Counter<long> RefusedConnections = SwitchMeter.Instance.CreateCounter<long>(
        RefusedName, "{connection}", "Terminal connections closed as they arrived: reason node-limit, address-limit or tls-handshake.");

    private static readonly Counter<long> ClosedForLimit = SwitchMeter.Instance.CreateCounter<long>(
        ClosedByLimitName, "{connection}", "Terminal connections closed for breaking a limit: reason idle, slow-frame or sign-on-flood.");

    static TerminalPortMetrics() => SwitchMeter.Instance.CreateObservableUpDownCounter(
        ConnectionsName, () => Interlocked.Read(ref _open), "{connection}", "Terminal connections open now.");

    internal static void Opened() => Interlocked.Increment(ref _open);

    internal static void Closed() => Interlocked.Decrement(ref _open);

    internal static void ClosedBadInput() => ClosedForBadInput.Add(1);

    internal static void FormatError() => FormatErrors.Add(1);

    internal static void Refused(string reason) => RefusedConnections.Add(1, new KeyValuePair<string, object?>(ReasonTag, reason));

    internal static void ClosedByLimit(string reason) => ClosedForLimit.Add(1, new KeyValuePair<string, object?>(ReasonTag, reason));
}
