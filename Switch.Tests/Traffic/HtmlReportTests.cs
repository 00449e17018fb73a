using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Switch.Traffic.Generator;
using Switch.Traffic.Report;

namespace Switch.Tests.Traffic;

[Collection(TrafficRuns.Name)]
public sealed partial class HtmlReportTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"traffic-html-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_run_writes_a_self_contained_report_html_with_its_charts_and_figures()
    {
        await using var simulator = TrafficRunTests.Start(new());
        var results = await TrafficRun.RunAsync(TrafficRunTests.Options(simulator.LocalEndPoint) with
        {
            Terminals = 2,
            Rate = 100,
            Duration = TimeSpan.FromSeconds(1.5),
            Amount = 2005,
        });
        await ReportWriter.WriteAsync(results, _directory);

        var html = await File.ReadAllTextAsync(Path.Combine(_directory, ReportWriter.HtmlFile));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal(3, SvgElement().Count(html));
        Assert.Contains("Latency by percentile", html, StringComparison.Ordinal);
        Assert.Contains("99%", html, StringComparison.Ordinal);
        Assert.Contains("Throughput", html, StringComparison.Ordinal);
        Assert.Contains("p99", html, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"n\">{results.Completed}</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<th>05</th><td class=\"n\">{results.ResponseCodes["05"]}</td>", html, StringComparison.Ordinal);
        Assert.Contains(HtmlReport.Millis(results.LatencyMicros.P99), html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        // Each chart is well-formed markup on its own.
        Assert.All(SvgElement().Matches(html), svg => XElement.Parse(svg.Value));
    }

    [Fact]
    public void Text_from_the_run_is_escaped_and_an_empty_run_still_renders()
    {
        var html = HtmlReport.Render(Empty() with
        {
            ResponseCodes = new Dictionary<string, long> { ["<s"] = 1 },
            Options = Empty().Options with { Target = new IPEndPoint(IPAddress.Loopback, 1) },
        });

        Assert.Contains("<th>&lt;s</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<s<", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "no data"));
    }

    private static RunResults Empty() => new()
    {
        Options = TrafficRunTests.Options(new IPEndPoint(IPAddress.Loopback, 1)),
        Measured = TimeSpan.Zero,
        Sent = 0,
        Completed = 0,
        Timeouts = 0,
        ConnectionLosses = 0,
        Unreadable = 0,
        Stray = 0,
        LatencyMicros = new LatencySummary(0, 0, 0, 0, 0),
        ResponseCodes = new Dictionary<string, long>(),
        Connected = 0,
        SignedOn = 0,
        SignOnFailures = [],
        Timeline = [],
        LatencyDistribution = [],
    };

    [GeneratedRegex("<svg .*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();
}
