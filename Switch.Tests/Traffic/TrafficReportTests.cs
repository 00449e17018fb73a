using System.Text.Json;
using Switch.Traffic.Cli;
using Switch.Traffic.Generator;

namespace Switch.Tests.Traffic;

[Collection(TrafficRuns.Name)]
public sealed class TrafficReportTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"traffic-report-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_run_verb_writes_report_json_in_the_contract_shape_and_a_summary()
    {
        await using var simulator = TrafficRunTests.Start(new());
        var exit = await TrafficCli.InvokeAsync(
            ["run", "--target", simulator.LocalEndPoint.ToString(), "--terminals", "2", "--closed-loop", "--duration", "500ms", "--amount", "2005", "--report", _directory]);

        Assert.Equal(0, exit);
        using var report = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_directory, ReportWriter.JsonFile)));
        var root = report.RootElement;
        Assert.Equal(["tps", "sent", "completed", "errors", "latencyMicros", "responseCodes", "config", "timeline"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["p50", "p90", "p99", "p999", "max"], root.GetProperty("latencyMicros").EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("tps").GetDouble() > 0, root.ToString());
        Assert.Equal(root.GetProperty("sent").GetInt64(), root.GetProperty("completed").GetInt64());
        Assert.Equal(0, root.GetProperty("errors").GetInt64());
        Assert.Equal(root.GetProperty("completed").GetInt64(), root.GetProperty("responseCodes").GetProperty("05").GetInt64());
        Assert.Equal(root.GetProperty("completed").GetInt64(), root.GetProperty("timeline").EnumerateArray().Sum(s => s.GetProperty("completed").GetInt64()));
        var config = root.GetProperty("config");
        Assert.Equal(2, config.GetProperty("terminals").GetInt32());
        Assert.Equal("closed-loop", config.GetProperty("mode").GetString());
        Assert.Equal(2005, config.GetProperty("amount").GetInt64());
        Assert.True(File.Exists(Path.Combine(_directory, ReportWriter.HtmlFile)));
        var summary = await File.ReadAllTextAsync(Path.Combine(_directory, ReportWriter.SummaryFile));
        Assert.Contains("tps", summary, StringComparison.Ordinal);
        Assert.Contains("05=", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_that_cannot_be_reached_exits_1_without_a_report()
    {
        var exit = await TrafficCli.InvokeAsync(
            ["run", "--target", TrafficRunTests.UnusedEndPoint().ToString(), "--terminals", "1", "--rate", "10", "--duration", "5s", "--report", _directory]);

        Assert.Equal(1, exit);
        Assert.False(File.Exists(Path.Combine(_directory, ReportWriter.JsonFile)));
    }

    [Theory]
    [InlineData("--terminals", "1", "--closed-loop", "--report", "r")]
    [InlineData("--target", "127.0.0.1:1", "--terminals", "1", "--report", "r")]
    [InlineData("--target", "127.0.0.1:1", "--terminals", "1", "--closed-loop", "--rate", "5", "--report", "r")]
    [InlineData("--target", "nowhere", "--terminals", "1", "--closed-loop", "--report", "r")]
    [InlineData("--target", "127.0.0.1:1", "--terminals", "0", "--closed-loop", "--report", "r")]
    [InlineData("--target", "127.0.0.1:1", "--terminals", "1", "--closed-loop", "--duration", "soon", "--report", "r")]
    [InlineData("--target", "127.0.0.1:1", "--terminals", "1", "--closed-loop", "--profile", "iso93", "--report", "r")]
    [InlineData("--target", "127.0.0.1:1", "--terminals", "1", "--closed-loop", "--length-header", "bcd", "--report", "r")]
    [InlineData("--target", "127.0.0.1:1", "--terminals", "1", "--rate", "-5", "--report", "r")]
    public async Task Bad_arguments_exit_2(params string[] arguments)
    {
        Assert.Equal(Usage.BadArguments, await TrafficCli.InvokeAsync(["run", .. arguments]));
    }
}
