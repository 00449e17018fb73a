using System.Globalization;
using System.Text;
using System.Text.Json;
using Switch.Traffic.Report;
using Switch.Traffic.Scenarios;

namespace Switch.Traffic.Generator;

/// <summary>
/// The traffic report of DESIGN.md: <c>report.json</c> in the contract's shape and
/// <c>summary.txt</c>, the same for people.
/// </summary>
public static class ReportWriter
{
    public const string JsonFile = "report.json";
    public const string SummaryFile = "summary.txt";
    public const string HtmlFile = "report.html";

    /// <summary>Writes the three files into <paramref name="directory"/> (created if missing) and returns the summary text.</summary>
    public static async Task<string> WriteAsync(RunResults results, string directory, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, JsonFile), Json(results), cancellation).ConfigureAwait(false);
        var summary = Summary(results);
        await File.WriteAllTextAsync(Path.Combine(directory, SummaryFile), summary, cancellation).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, HtmlFile), HtmlReport.Render(results), cancellation).ConfigureAwait(false);
        return summary;
    }

    public static byte[] Json(RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("tps", Math.Round(results.Tps, 1));
            json.WriteNumber("sent", results.Sent);
            json.WriteNumber("completed", results.Completed);
            json.WriteNumber("errors", results.Errors);
            json.WriteStartObject("latencyMicros");
            json.WriteNumber("p50", results.LatencyMicros.P50);
            json.WriteNumber("p90", results.LatencyMicros.P90);
            json.WriteNumber("p99", results.LatencyMicros.P99);
            json.WriteNumber("p999", results.LatencyMicros.P999);
            json.WriteNumber("max", results.LatencyMicros.Max);
            json.WriteEndObject();
            json.WriteStartObject("responseCodes");
            foreach (var (code, count) in results.ResponseCodes)
            {
                json.WriteNumber(code, count);
            }

            json.WriteEndObject();
            if (results.Options.Mac)
            {
                json.WriteNumber("macFailures", results.MacFailures);
            }

            WriteConfig(json, results.Options);
            ScenarioReport.WriteJson(json, results.Scenarios);
            WriteTimeline(json, results.Timeline);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string Summary(RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var o = results.Options;
        var l = results.LatencyMicros;
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Traffic run: {o.Terminals} terminals ({o.Tid(0)}..{o.Tid(o.Terminals - 1)}) to {o.Target}, {TrafficRun.Mode(o)}, {o.Profile.Name}/{LengthHeaderName(o)}");
        text.AppendLine(c, $"  measured    {results.Measured.TotalSeconds:0.0} s from the first request (ramp-up {o.RampUp.TotalSeconds:0.#} s, duration {o.Duration.TotalSeconds:0.#} s)");
        text.AppendLine(c, $"  tps         {results.Tps:0.0}");
        text.AppendLine(c, $"  sent        {results.Sent}");
        text.AppendLine(c, $"  completed   {results.Completed}");
        text.AppendLine(c, $"  errors      {results.Errors} (timeouts {results.Timeouts}, connection losses {results.ConnectionLosses}, unreadable {results.Unreadable})");
        text.AppendLine(c, $"  latency us  p50 {l.P50}  p90 {l.P90}  p99 {l.P99}  p99.9 {l.P999}  max {l.Max}");
        text.AppendLine(c, $"  responses   {string.Join("  ", results.ResponseCodes.Select(p => $"{p.Key}={p.Value}"))}");
        text.AppendLine(c, $"  terminals   {results.SignedOn} signed on, {results.SignOnFailures.Count} failed, {results.Connected} connected");
        ScenarioReport.AppendSummary(text, results.Scenarios);
        if (o.Mac)
        {
            text.AppendLine(c, $"  mac         every request MACed; {results.MacFailures} answers whose MAC did not verify");
        }

        if (results.Stray > 0)
        {
            text.AppendLine(c, $"  stray       {results.Stray} answers matched nothing outstanding (late or unknown STAN)");
        }

        foreach (var failure in results.SignOnFailures)
        {
            text.AppendLine(c, $"  {failure.Tid}: {failure.Reason}");
        }

        return text.ToString();
    }

    private static void WriteConfig(Utf8JsonWriter json, RunOptions o)
    {
        json.WriteStartObject("config");
        json.WriteString("target", o.Target.ToString());
        json.WriteNumber("terminals", o.Terminals);
        json.WriteString("mode", o.ClosedLoop ? "closed-loop" : "open-loop");
        if (o.Rate is { } rate)
        {
            json.WriteNumber("rate", rate);
        }
        else
        {
            json.WriteNumber("pipeline", o.Pipeline);
        }

        json.WriteNumber("durationSeconds", o.Duration.TotalSeconds);
        json.WriteNumber("rampUpSeconds", o.RampUp.TotalSeconds);
        json.WriteNumber("timeoutSeconds", o.Timeout.TotalSeconds);
        json.WriteNumber("firstTerminal", o.FirstTerminal);
        json.WriteNumber("amount", o.Amount);
        json.WriteString("mid", o.Mid);
        json.WriteString("profile", o.Profile.Name);
        json.WriteString("lengthHeader", LengthHeaderName(o));
        json.WriteBoolean("mac", o.Mac);
        if (o.Scenarios is { } scenarios)
        {
            json.WriteString("mix", scenarios.Mix.ToString());
            if (scenarios.Mix.HasChallenges)
            {
                json.WriteString("challengeMid", scenarios.ChallengeMid);
                json.WriteNumber("challengeCards", scenarios.ChallengeCards);
            }
        }

        json.WriteEndObject();
    }

    // After DESIGN.md's keys, which stay exactly as the contract has them.
    private static void WriteTimeline(Utf8JsonWriter json, IReadOnlyList<SecondSample> timeline)
    {
        json.WriteStartArray("timeline");
        foreach (var sample in timeline)
        {
            json.WriteStartObject();
            json.WriteNumber("second", sample.Second);
            json.WriteNumber("lengthSeconds", Math.Round(sample.Length.TotalSeconds, 3));
            json.WriteNumber("completed", sample.Completed);
            json.WriteNumber("errors", sample.Errors);
            json.WriteNumber("p50", sample.P50Micros);
            json.WriteNumber("p99", sample.P99Micros);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string LengthHeaderName(RunOptions o) => o.Framing.Header.ToString().ToLowerInvariant();
}
