using Switch.Traffic.Generator;

namespace Switch.Traffic.Scenarios;

/// <summary>
/// How one scenario's flows went. Every flow started ends once, completed (with a final answer,
/// counted by its field 39) or failed (counted by why), so <c>Started == Completed + Failed</c> once
/// the run is over.
/// </summary>
/// <param name="Requests">Requests the scenario's flows sent, every step counted (each is also in the run's totals).</param>
/// <param name="ResponseCodes">Completed flows by their final answer: the last request's field 39 (a reversal's is the 0410's).</param>
/// <param name="Failures">Failed flows by <see cref="FlowFailure"/> name (timeout, connection-lost, unreadable, no-code, unexpected, not-sent).</param>
/// <param name="FlowMicros">From the flow's first request's intended time to its end: what the cardholder waited, SMS included.</param>
/// <param name="Example">The scenario's first flow, step by step, masked.</param>
public sealed record ScenarioResults(
    Scenario Scenario,
    int Weight,
    long Started,
    long Completed,
    long Failed,
    long Requests,
    IReadOnlyDictionary<string, long> ResponseCodes,
    IReadOnlyDictionary<string, long> Failures,
    LatencySummary FlowMicros,
    IReadOnlyList<string> Example)
{
    public string Name => ScenarioNames.Name(Scenario);
}
