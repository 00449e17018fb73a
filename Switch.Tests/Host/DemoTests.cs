using System.Text.Json;
using Microsoft.Data.Sqlite;
using Serilog.Core;
using Switch.Host.Demo;

namespace Switch.Tests.Host;

/// <summary>The one-command demo, shortened: every part runs and the report is left behind.</summary>
public sealed class DemoTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"switch-demo-{Guid.NewGuid():N}");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task The_demo_authorizes_through_the_switch_and_leaves_the_report_journal_and_ledgers()
    {
        var options = new DemoOptions(_data, TimeSpan.FromSeconds(3), Terminals: 5, Rate: 50);

        var results = await DemoWorld.RunAsync(options, Logger.None, liveConsole: false, CancellationToken.None);

        Assert.True(results.Completed > 0);
        Assert.Equal(0, results.Errors);
        Assert.Equal(results.Completed, results.ResponseCodes["00"]);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(options.ReportDirectory, "report.json")));
        Assert.Equal(results.Completed, report.RootElement.GetProperty("completed").GetInt64());
        var purchasesSeen = File.ReadLines(Path.Combine(_data, "acq-a.jsonl")).Count(line => line.Contains("\"0200\"", StringComparison.Ordinal));
        Assert.Equal(results.Completed, purchasesSeen);
        Assert.True(File.Exists(Path.Combine(_data, "switch.db")));
    }
}
