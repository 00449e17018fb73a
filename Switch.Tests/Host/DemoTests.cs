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
    public async Task The_demo_runs_its_mix_through_the_switch_with_challenged_purchases_ending_00_and_leaves_the_report_journal_and_ledgers()
    {
        var options = new DemoOptions(_data, TimeSpan.FromSeconds(3), Terminals: 5, Rate: 50);

        var results = await DemoWorld.RunAsync(options, Logger.None, liveConsole: false, CancellationToken.None);

        Assert.True(results.Completed > 0);
        Assert.Equal(0, results.Errors);
        Assert.Equal(results.Sent, results.Scenarios.Sum(s => s.Requests));
        Assert.All(results.Scenarios, s => Assert.True(s.Started > 0 && s.Completed == s.Started, $"{s.Name}: {s.Started} started, {s.Completed} completed, {string.Join(",", s.Failures)}"));
        var challenge = results.Scenarios.Single(s => s.Name == "challenge");
        Assert.Equal(challenge.Started, challenge.ResponseCodes["00"]);
        Assert.Contains(challenge.Example, step => step.Contains("-> 1A ST=PHONE", StringComparison.Ordinal));
        Assert.Contains(challenge.Example, step => step.Contains("-> 1A ST=OTP", StringComparison.Ordinal));
        Assert.EndsWith("00", challenge.Example[^1].Split(" RRN ")[0], StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(options.ReportDirectory, "report.json")));
        Assert.Equal(results.Completed, report.RootElement.GetProperty("completed").GetInt64());
        Assert.Equal(challenge.Started, report.RootElement.GetProperty("scenarios").GetProperty("challenge").GetProperty("responseCodes").GetProperty("00").GetInt64());
        Assert.Contains("a challenge flow:", await File.ReadAllTextAsync(Path.Combine(options.ReportDirectory, "summary.txt")), StringComparison.Ordinal);
        // Every flow but a code mistyped to the end sends one purchase to the acquirer.
        var purchasesSeen = File.ReadLines(Path.Combine(_data, "acq-a.jsonl")).Count(line => line.Contains("\"0200\"", StringComparison.Ordinal));
        Assert.Equal(results.Scenarios.Where(s => s.Name != "wrong-code").Sum(s => s.Started), purchasesSeen);
        Assert.True(File.Exists(Path.Combine(_data, "switch.db")));
    }

    [Fact]
    public async Task The_demo_runs_again_on_its_own_data()
    {
        var options = new DemoOptions(_data, TimeSpan.FromSeconds(1), Terminals: 2, Rate: 20);

        await DemoWorld.RunAsync(options, Logger.None, liveConsole: false, CancellationToken.None);
        var again = await DemoWorld.RunAsync(options, Logger.None, liveConsole: false, CancellationToken.None);

        Assert.Equal(0, again.Errors);
        Assert.All(again.Scenarios, s => Assert.Equal(s.Started, s.Completed));
        var challenge = again.Scenarios.Single(s => s.Name == "challenge");
        Assert.Equal(challenge.Started, challenge.ResponseCodes.GetValueOrDefault("00"));
    }
}
