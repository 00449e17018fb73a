using Switch.Traffic.Generator;

namespace Switch.Tests.Support;

/// <summary>A generator run's progress (one report a second), as tasks a test can wait on.</summary>
internal sealed class RunWatch : IProgress<RunProgress>
{
    private readonly Lock _lock = new();
    private readonly List<(Func<RunProgress, bool> Condition, TaskCompletionSource<RunProgress> Reached)> _waiting = [];

    /// <summary>The first report from now on for which <paramref name="condition"/> holds.</summary>
    public Task<RunProgress> Until(Func<RunProgress, bool> condition)
    {
        var reached = new TaskCompletionSource<RunProgress>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waiting.Add((condition, reached));
        }

        return reached.Task;
    }

    public void Report(RunProgress value)
    {
        lock (_lock)
        {
            foreach (var (condition, reached) in _waiting.Where(w => w.Condition(value)).ToList())
            {
                reached.TrySetResult(value);
                _waiting.Remove((condition, reached));
            }
        }
    }
}
