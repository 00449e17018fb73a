using System.Diagnostics;
using System.Text.Json;

namespace Switch.Tests.Fuzz;

/// <summary>`Switch.Fuzz fuzz` as its own process (a crash in the code under fuzz cannot take the test host down), and its JSON report.</summary>
internal static class FuzzRun
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Session(string Target, long Executions, int Seeds, int Queue, int Edges, string? Crash, string? CrashFile);

    public static async Task<(int ExitCode, string Output, IReadOnlyList<Session> Sessions)> RunAsync(string directory, params string[] arguments)
    {
        var report = Path.Combine(directory, "report.json");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "Switch.Fuzz.dll"), .. arguments, "--crashes", Path.Combine(directory, "crashes"), "--report", report])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout + await stderr;
        var sessions = File.Exists(report)
            ? JsonSerializer.Deserialize<List<Session>>(await File.ReadAllTextAsync(report), Json)!
            : [];
        return (process.ExitCode, output, sessions);
    }
}
