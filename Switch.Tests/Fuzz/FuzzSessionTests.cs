using Switch.Fuzz.Engine;
using Switch.Fuzz.Targets;

namespace Switch.Tests.Fuzz;

/// <summary>The engine itself: a target that throws on some input is caught, its input saved, the session stopped.</summary>
public sealed class FuzzSessionTests : IDisposable
{
    private readonly DirectoryInfo _crashes = Directory.CreateTempSubdirectory("switch-fuzz-crashes-");

    public void Dispose() => _crashes.Delete(recursive: true);

    [Fact]
    public void A_target_that_throws_on_a_reachable_input_is_reported_with_that_input_saved()
    {
        var session = new FuzzSession(new ThrowsOnLeadingFf(), seed: 1, new CorpusFiles(_crashes.FullName));

        var result = session.Run([[0x00, 0x01, 0x02]], new FuzzBudget(TimeSpan.FromSeconds(30), Executions: 1_000_000));

        Assert.NotNull(result.Crash);
        Assert.Contains(nameof(InvalidOperationException), result.Crash, StringComparison.Ordinal);
        Assert.True(result.Executions < 1_000_000, "the session stopped at the crash");
        var saved = File.ReadAllBytes(result.CrashFile!);
        Assert.Equal(0xFF, saved[0]);
    }

    [Fact]
    public void A_session_stops_at_its_execution_budget()
    {
        var session = new FuzzSession(new ThrowsOnLeadingFf(), seed: 1, new CorpusFiles(_crashes.FullName));

        var result = session.Run([], new FuzzBudget(TimeSpan.FromMinutes(1), Executions: 1));

        Assert.Null(result.Crash);
        Assert.Equal(1, result.Executions);
    }

    private sealed class ThrowsOnLeadingFf : IFuzzTarget
    {
        public string Name => "throws-on-ff";

        public int MaxInput => 16;

        public void Run(ReadOnlySpan<byte> input)
        {
            if (input.Length > 0 && input[0] == 0xFF)
            {
                throw new InvalidOperationException("planted");
            }
        }
    }
}
