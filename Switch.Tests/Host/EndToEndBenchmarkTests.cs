using Microsoft.Data.Sqlite;
using Serilog.Core;
using Switch.Host.Demo;

namespace Switch.Tests.Host;

/// <summary>The end-to-end benchmark, shortened: all three paths measured and tabled.</summary>
public sealed class EndToEndBenchmarkTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"switch-bench-{Guid.NewGuid():N}");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task Each_path_is_measured_closed_and_open_loop_without_errors_and_tabled_against_the_ceiling()
    {
        var options = new BenchmarkOptions(_data, Terminals: 3, WarmUp: TimeSpan.FromMilliseconds(500), Duration: TimeSpan.FromSeconds(1), Rate: 20);

        var rows = await EndToEndBenchmark.RunAsync(options, Logger.None, CancellationToken.None);

        Assert.Equal([EndToEndBenchmark.Ceiling, EndToEndBenchmark.InMemory, EndToEndBenchmark.Sqlite], rows.Select(r => r.Path));
        Assert.All(rows, row =>
        {
            Assert.True(row.ClosedLoop.Completed > 0, row.Path);
            Assert.True(row.OpenLoop.Completed > 0, row.Path);
            Assert.Equal(0, row.ClosedLoop.Errors + row.OpenLoop.Errors);
            Assert.Equal([1 + 3, 1 + 6], new[] { row.ClosedLoop.Options.FirstTerminal, row.OpenLoop.Options.FirstTerminal });
        });
        var table = EndToEndBenchmark.Table(rows, options);
        Assert.Contains("| generator → simulator |", table, StringComparison.Ordinal);
        Assert.Contains("100 %", table, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_data, "sqlite", "switch.db")));
    }
}
