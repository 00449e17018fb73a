using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Switch.Traffic.Scenarios;

/// <summary>The scenarios' part of the traffic report: the <c>scenarios</c> key of report.json and their lines in the summary.</summary>
internal static class ScenarioReport
{
    /// <summary>
    /// <c>"scenarios": {"challenge": {"weight", "started", "completed", "failed", "requests",
    /// "responseCodes": {...}, "failures": {...}, "flowMicros": {...}, "example": [...]}, ...}</c>;
    /// nothing in a run without a mix.
    /// </summary>
    public static void WriteJson(Utf8JsonWriter json, IReadOnlyList<ScenarioResults> scenarios)
    {
        if (scenarios.Count == 0)
        {
            return;
        }

        json.WriteStartObject("scenarios");
        foreach (var s in scenarios)
        {
            json.WriteStartObject(s.Name);
            json.WriteNumber("weight", s.Weight);
            json.WriteNumber("started", s.Started);
            json.WriteNumber("completed", s.Completed);
            json.WriteNumber("failed", s.Failed);
            json.WriteNumber("requests", s.Requests);
            WriteCounts(json, "responseCodes", s.ResponseCodes);
            WriteCounts(json, "failures", s.Failures);
            json.WriteStartObject("flowMicros");
            json.WriteNumber("p50", s.FlowMicros.P50);
            json.WriteNumber("p90", s.FlowMicros.P90);
            json.WriteNumber("p99", s.FlowMicros.P99);
            json.WriteNumber("p999", s.FlowMicros.P999);
            json.WriteNumber("max", s.FlowMicros.Max);
            json.WriteEndObject();
            json.WriteStartArray("example");
            foreach (var step in s.Example)
            {
                json.WriteStringValue(step);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>One line per scenario, then the example flow of each challenged one (what a person at the terminal saw).</summary>
    public static void AppendSummary(StringBuilder text, IReadOnlyList<ScenarioResults> scenarios)
    {
        var c = CultureInfo.InvariantCulture;
        foreach (var s in scenarios)
        {
            var codes = s.ResponseCodes.Count == 0 ? "-" : string.Join(" ", s.ResponseCodes.Select(p => $"{p.Key}={p.Value}"));
            var failures = s.Failures.Count == 0 ? string.Empty : $" ({string.Join(" ", s.Failures.Select(p => $"{p.Key}={p.Value}"))})";
            text.AppendLine(c, $"  {s.Name,-11} {s.Started} flows: {s.Completed} completed [{codes}], {s.Failed} failed{failures}; {s.Requests} requests; flow p50 {Millis(s.FlowMicros.P50)} p99 {Millis(s.FlowMicros.P99)}");
        }

        foreach (var s in scenarios.Where(s => ScenarioNames.IsChallenged(s.Scenario) && s.Example.Count > 0))
        {
            text.AppendLine(c, $"  a {s.Name} flow:");
            foreach (var step in s.Example)
            {
                text.AppendLine(c, $"    {step}");
            }
        }

        if (scenarios.Any(s => s.Failures.ContainsKey(FlowFailures.Name(FlowFailure.NoCode))))
        {
            text.AppendLine("  no-code: no SMS reached the generator's sink in time; is the switch's switch.sms.webhook-url the sink's URL?");
        }
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, long> counts)
    {
        json.WriteStartObject(name);
        foreach (var (key, count) in counts)
        {
            json.WriteNumber(key, count);
        }

        json.WriteEndObject();
    }

    private static string Millis(long micros) => string.Create(CultureInfo.InvariantCulture, $"{micros / 1000.0:0.#}ms");
}
