using Switch.Fuzz.Targets;
using Xunit.Abstractions;

namespace Switch.Tests.Fuzz;

/// <summary>
/// The bounded fuzz run of CI: each target replays its committed corpus, then fuzzes under SharpFuzz's
/// coverage for a few seconds; any escaping exception or broken round trip fails the test with the
/// input. The executions run are written to the test output.
/// </summary>
public sealed class FuzzTargetTests(ITestOutputHelper output) : IDisposable
{
    private const string SecondsPerTarget = "8";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("switch-fuzz-test-");

    public static TheoryData<string> Targets => [.. FuzzTargets.Names];

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_bounded_coverage_guided_run_finds_no_crash(string target)
    {
        var corpus = Path.Combine(AppContext.BaseDirectory, "Corpus", target);
        var seeds = Directory.GetFiles(corpus).Length;

        var (exitCode, text, sessions) = await FuzzRun.RunAsync(_directory.FullName, "fuzz", "--target", target, "--seconds", SecondsPerTarget);

        output.WriteLine(text);
        var session = Assert.Single(sessions);
        Assert.True(session.Crash is null, $"crash, input saved to {session.CrashFile}:\n{session.Crash}");
        Assert.Equal(0, exitCode);
        Assert.Equal(seeds, session.Seeds);
        Assert.True(session.Executions > seeds, $"{session.Executions} executions");
        // Edges come only from the instrumented codec: none would mean fuzzing blind.
        Assert.True(session.Edges > 50, $"{session.Edges} edges");
        Assert.True(session.Queue > seeds / 2, $"queue of {session.Queue}");
    }
}
