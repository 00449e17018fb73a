using System.Diagnostics;
using Switch.Fuzz.Targets;

namespace Switch.Fuzz.Engine;

/// <summary>
/// The in-process coverage-guided loop (no native fuzzer needed): runs the seeds, then mutates queued
/// inputs and queues every mutant that lights new coverage in SharpFuzz's edge map, until the budget
/// is spent or the target throws. The first crash stops the session and is saved beside the others.
/// </summary>
internal sealed class FuzzSession
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    private readonly IFuzzTarget _target;
    private readonly Random _random;
    private readonly Mutator _mutator;
    private readonly CorpusFiles _crashes;
    private readonly CoverageMap _coverage = new();
    private readonly List<byte[]> _inputs = [];
    private readonly List<int[]> _edges = [];

    public FuzzSession(IFuzzTarget target, int seed, CorpusFiles crashes)
    {
        _target = target;
        _random = new Random(seed);
        _mutator = new Mutator(_random, target.MaxInput);
        _crashes = crashes;
    }

    public FuzzResult Run(IReadOnlyList<byte[]> seeds, FuzzBudget budget)
    {
        using var watchdog = new HangWatchdog(_target.Name, HangLimit, _crashes);
        var clock = Stopwatch.StartNew();
        long executions = 0;
        foreach (var seed in seeds.Select(s => s.Length > _target.MaxInput ? s[.._target.MaxInput] : s).Append([]))
        {
            executions++;
            if (Execute(seed, watchdog) is { } crash)
            {
                return Crashed(seeds.Count, executions, clock.Elapsed, seed, crash);
            }
        }

        while (executions < budget.Executions && (executions % 256 != 0 || clock.Elapsed < budget.Duration))
        {
            var child = _mutator.Mutate(_inputs[_random.Next(_inputs.Count)], _inputs);
            executions++;
            if (Execute(child, watchdog) is { } crash)
            {
                return Crashed(seeds.Count, executions, clock.Elapsed, child, crash);
            }
        }

        return new FuzzResult(_target.Name, executions, clock.Elapsed, seeds.Count, _inputs.Count, _coverage.Edges, null, null);
    }

    /// <summary>
    /// At most <paramref name="max"/> queued inputs that together hit as many of the queue's edges as
    /// possible: greedily the one adding the most edges not yet covered, the shorter on a tie.
    /// </summary>
    public IReadOnlyList<byte[]> Minimized(int max)
    {
        var covered = new HashSet<int>();
        var chosen = new List<byte[]>();
        var left = Enumerable.Range(0, _inputs.Count).ToList();
        while (chosen.Count < max && left.Count > 0)
        {
            var best = left.MaxBy(i => ((long)_edges[i].Count(e => !covered.Contains(e)) << 20) - _inputs[i].Length);
            if (_edges[best].All(covered.Contains))
            {
                break;
            }

            covered.UnionWith(_edges[best]);
            chosen.Add(_inputs[best]);
            left.Remove(best);
        }

        return chosen;
    }

    private Exception? Execute(byte[] input, HangWatchdog watchdog)
    {
        CoverageMap.Reset();
        watchdog.Arm(input);
        try
        {
            _target.Run(input);
        }
#pragma warning disable CA1031 // Whatever escapes the target is the finding.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex;
        }
        finally
        {
            watchdog.Disarm();
        }

        var edges = new List<int>();
        if (_coverage.Merge(edges) || _inputs.Count == 0)
        {
            _inputs.Add(input);
            _edges.Add([.. edges]);
        }

        return null;
    }

    private FuzzResult Crashed(int seeds, long executions, TimeSpan elapsed, byte[] input, Exception crash)
    {
        var file = _crashes.Save(_target.Name, input);
        var description = $"{crash}\ninput ({input.Length} bytes): {Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, 512)))}";
        return new FuzzResult(_target.Name, executions, elapsed, seeds, _inputs.Count, _coverage.Edges, description, file);
    }
}
