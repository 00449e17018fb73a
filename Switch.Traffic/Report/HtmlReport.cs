using System.Globalization;
using System.Net;
using System.Text;
using Switch.Traffic.Generator;

namespace Switch.Traffic.Report;

/// <summary>
/// <c>report.html</c>: the run's figures and charts in one self-contained page (inline CSS and SVG,
/// no script, no address) that opens offline in any browser.
/// </summary>
public static class HtmlReport
{
    private const string Css = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 800px; color: #222; }
        h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 2em; }
        table { border-collapse: collapse; } td, th { padding: 2px 14px 2px 0; text-align: left; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        svg { display: block; margin: 1em 0; } .grid { stroke: #ddd; } .axis { font-size: 11px; fill: #555; }
        .title { font-size: 13px; font-weight: 600; } .legend { font-size: 12px; font-weight: 600; }
        """;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var o = results.Options;
        var l = results.LatencyMicros;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Traffic report</title><style>")
            .Append(Css).Append("</style></head><body>\n");
        html.Append("<h1>Traffic report</h1>\n<p>")
            .Append(Escape($"{o.Terminals} terminals ({o.Tid(0)}..{o.Tid(o.Terminals - 1)}) to {o.Target}, {TrafficRun.Mode(o)}, {o.Profile.Name}"))
            .Append("</p>\n<h2>Summary</h2>\n<table>\n");
        Row(html, "measured", $"{results.Measured.TotalSeconds:0.0} s");
        Row(html, "tps", $"{results.Tps:0.0}");
        Row(html, "sent", $"{results.Sent}");
        Row(html, "completed", $"{results.Completed}");
        Row(html, "errors", $"{results.Errors} (timeouts {results.Timeouts}, connection losses {results.ConnectionLosses}, unreadable {results.Unreadable})");
        Row(html, "latency p50", Millis(l.P50));
        Row(html, "latency p90", Millis(l.P90));
        Row(html, "latency p99", Millis(l.P99));
        Row(html, "latency p99.9", Millis(l.P999));
        Row(html, "latency max", Millis(l.Max));
        Row(html, "terminals", $"{results.SignedOn} signed on, {results.SignOnFailures.Count} failed, {results.Connected} connected");
        html.Append("</table>\n<h2>Response codes</h2>\n<table>\n<tr><th>field 39</th><th>count</th><th>share</th></tr>\n");
        foreach (var (code, count) in results.ResponseCodes)
        {
            Row(html, code, count.ToString(Invariant), string.Create(Invariant, $"{100.0 * count / Math.Max(1, results.Completed):0.##}%"));
        }

        html.Append("</table>\n<h2>Latency by percentile</h2>\n").Append(SvgChart.Render(ReportCharts.Percentiles(results.LatencyDistribution)));
        html.Append("\n<h2>Over time</h2>\n").Append(SvgChart.Render(ReportCharts.Throughput(results.Timeline)));
        html.Append('\n').Append(SvgChart.Render(ReportCharts.LatencyOverTime(results.Timeline)));
        html.Append("\n</body></html>\n");
        return html.ToString();
    }

    internal static string Millis(long micros) => string.Create(Invariant, $"{micros / 1000.0:0.###} ms");

    private static void Row(StringBuilder html, string label, FormattableString value) => Row(html, label, value.ToString(Invariant));

    private static void Row(StringBuilder html, string label, params string[] values)
    {
        html.Append("<tr><th>").Append(Escape(label)).Append("</th>");
        foreach (var value in values)
        {
            html.Append("<td class=\"n\">").Append(Escape(value)).Append("</td>");
        }

        html.Append("</tr>\n");
    }

    private static string Escape(FormattableString text) => Escape(text.ToString(Invariant));

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
