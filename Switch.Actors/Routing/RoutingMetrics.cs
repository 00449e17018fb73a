using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Switch.Actors.Routing;

/// <summary>Per-acquirer instruments of routing, on the switch's meter. Label values are acquirer names from configuration and fixed words.</summary>
public static class RoutingMetrics
{
    public const string RequestsName = "switch.acquirer.requests";
    public const string LatencyName = "switch.acquirer.latency";
    public const string CircuitStateName = "switch.acquirer.circuit_state";
    public const string AcquirerTag = "acquirer";
    public const string OutcomeTag = "outcome";

    private static readonly ConcurrentDictionary<string, int> Circuits = new(StringComparer.Ordinal);

    private static readonly Counter<long> Requests = SwitchMeter.Instance.CreateCounter<long>(
        RequestsName,
        "{request}",
        "Attempts at each acquirer by outcome: approved, declined, technical_failure (91, 96, unreadable, link lost), timeout, not_sent (refused by the link unsent).");

    private static readonly Histogram<double> Latency = SwitchMeter.Instance.CreateHistogram<double>(
        LatencyName, "ms", "Time from sending a request to the acquirer's answer.");

    static RoutingMetrics() => SwitchMeter.Instance.CreateObservableGauge(
        CircuitStateName,
        () => Circuits.Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>(AcquirerTag, c.Key))),
        "{state}",
        "Each acquirer's circuit: 0 closed, 1 half-open (a probe is out), 2 open.");

    internal static void Outcome(AcquirerOutcome outcome)
    {
        var acquirer = new KeyValuePair<string, object?>(AcquirerTag, outcome.Acquirer);
        Requests.Add(1, acquirer, new KeyValuePair<string, object?>(OutcomeTag, Name(outcome.Kind)));
        if (outcome.Latency is { } latency)
        {
            Latency.Record(latency.TotalMilliseconds, acquirer);
        }
    }

    internal static void Circuit(string acquirer, CircuitState state) => Circuits[acquirer] = state switch
    {
        CircuitState.HalfOpen => 1,
        CircuitState.Open => 2,
        _ => 0,
    };

    // Constant names: Enum.ToString would allocate per request.
    private static string Name(AcquirerOutcomeKind kind) => kind switch
    {
        AcquirerOutcomeKind.Approved => "approved",
        AcquirerOutcomeKind.Declined => "declined",
        AcquirerOutcomeKind.TimedOut => "timeout",
        AcquirerOutcomeKind.NotSent => "not_sent",
        _ => "technical_failure",
    };
}
