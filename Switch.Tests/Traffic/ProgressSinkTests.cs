using Spectre.Console;
using Switch.Traffic.Generator;
using Switch.Traffic.Live;

namespace Switch.Tests.Traffic;

public sealed class ProgressSinkTests
{
    [Fact]
    public void The_plain_sink_writes_one_line_per_report_with_the_throughput()
    {
        using var output = new StringWriter();
        var sink = new PlainProgress(output);

        sink.Report(Progress(second: 0, completed: 1200, remaining: TimeSpan.FromSeconds(9)));
        sink.Report(Progress(second: 1, completed: 1500, remaining: TimeSpan.Zero));

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("tps 1200.0/s last second, 1100.0/s average", lines[0], StringComparison.Ordinal);
        Assert.Contains("9s left", lines[0], StringComparison.Ordinal);
        Assert.Contains("p99 2.5ms", lines[0], StringComparison.Ordinal);
        Assert.Contains("00=1190  05=10", lines[0], StringComparison.Ordinal);
        Assert.Contains("3/4 signed on", lines[0], StringComparison.Ordinal);
        Assert.Contains("awaiting the last answers", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_sink_draws_the_figures_and_ends_when_disposed()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });

        await using (var sink = new LiveConsoleProgress(console, "2 terminals to [127.0.0.1:1]"))
        {
            // The display starts on its own; reports before it has are dropped, so report until one shows.
            for (var i = 0; i < 100 && !output.ToString().Contains("1200.0/s", StringComparison.Ordinal); i++)
            {
                sink.Report(Progress(second: 0, completed: 1200, remaining: TimeSpan.FromSeconds(9)));
                await Task.Delay(10);
            }
        }

        var text = output.ToString();
        Assert.Contains("1200.0/s last second", text, StringComparison.Ordinal);
        Assert.Contains("[127.0.0.1:1]", text, StringComparison.Ordinal);
        Assert.Contains("3/4 signed on", text, StringComparison.Ordinal);
    }

    private static RunProgress Progress(int second, long completed, TimeSpan remaining) => new()
    {
        Elapsed = TimeSpan.FromSeconds(second + 1),
        Remaining = remaining,
        LastSecond = new SecondSample(second, TimeSpan.FromSeconds(1), completed, 0, 1_000, 2_500),
        AverageTps = 1100,
        LatencyMicros = new LatencySummary(1_000, 2_000, 2_500, 4_000, 9_000),
        Sent = completed + 3,
        Completed = completed,
        Errors = 0,
        ResponseCodes = new SortedDictionary<string, long>(StringComparer.Ordinal) { ["00"] = completed - 10, ["05"] = 10 },
        SignedOn = 3,
        Terminals = 4,
    };
}
