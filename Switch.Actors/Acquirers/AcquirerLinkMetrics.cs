using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Switch.Actors.Acquirers;

/// <summary>The links' instruments, on the switch's meter.</summary>
public static class AcquirerLinkMetrics
{
    public const string MeterName = SwitchMeter.Name;
    public const string LateResponsesName = "switch.acquirer.late_responses";
    public const string LinkUpName = "switch.acquirer.link_up";
    public const string AcquirerTag = "acquirer";

    private static readonly ConcurrentDictionary<string, int> LinkStates = new(StringComparer.Ordinal);

    private static readonly Counter<long> LateResponses = SwitchMeter.Instance.CreateCounter<long>(
        LateResponsesName, "{response}", "Acquirer responses that matched no request in flight (timed out, or sent before the link dropped).");

    static AcquirerLinkMetrics() => SwitchMeter.Instance.CreateObservableGauge(
        LinkUpName,
        () => LinkStates.Select(state => new Measurement<int>(state.Value, new KeyValuePair<string, object?>(AcquirerTag, state.Key))),
        "{link}",
        "1 while the acquirer's link can carry requests, 0 while it is down.");

    internal static void LateResponse(string acquirer) => LateResponses.Add(1, new KeyValuePair<string, object?>(AcquirerTag, acquirer));

    internal static void LinkState(string acquirer, bool isUp) => LinkStates[acquirer] = isUp ? 1 : 0;
}
