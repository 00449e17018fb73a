using HdrHistogram;
using Switch.Traffic.Generator;

namespace Switch.Traffic.Scenarios;

/// <summary>
/// Per-scenario flow counts, shared by every terminal: interlocked counters, final codes indexed by
/// their two bytes and a concurrent histogram of flow durations, so recording takes no lock.
/// </summary>
internal sealed class ScenarioRecorder
{
    private readonly ScenarioMix _mix;
    private readonly long _highestMicros;
    private readonly Counters[] _counters;

    public ScenarioRecorder(ScenarioMix mix, TimeSpan timeout)
    {
        _mix = mix;
        // A flow may wait the timeout for each answer and for its code; beyond that it has failed.
        _highestMicros = RunClock.ToMicros(timeout) * (mix.MaxRequestsPerFlow + 2);
        _counters = [.. ScenarioNames.All.Select(_ => new Counters(_highestMicros))];
    }

    /// <summary>True once per scenario: its first flow keeps a trace for the report's example.</summary>
    public bool ClaimExample(Scenario scenario) => Interlocked.Exchange(ref _counters[(int)scenario].ExampleClaimed, 1) == 0;

    public void Started(Scenario scenario) => Interlocked.Increment(ref _counters[(int)scenario].Started);

    public void Completed(Flow flow, string responseCode, long nowMicros)
    {
        var counters = End(flow, nowMicros);
        Interlocked.Increment(ref counters.Codes[((responseCode[0] & 0x7F) << 7) | (responseCode[1] & 0x7F)]);
        Interlocked.Increment(ref counters.Completed);
    }

    public void Failed(Flow flow, FlowFailure failure, long nowMicros)
    {
        flow.Failed(failure);
        var counters = End(flow, nowMicros);
        Interlocked.Increment(ref counters.Failures[(int)failure]);
        Interlocked.Increment(ref counters.Failed);
    }

    /// <summary>The scenarios of the mix (weight above 0), in the order of <see cref="ScenarioNames.All"/>.</summary>
    public IReadOnlyList<ScenarioResults> Results() =>
        [.. ScenarioNames.All.Where(s => _mix.Weight(s) > 0).Select(s => _counters[(int)s].Results(s, _mix.Weight(s)))];

    private Counters End(Flow flow, long nowMicros)
    {
        var counters = _counters[(int)flow.Scenario];
        counters.Durations.RecordValue(Math.Clamp(nowMicros - flow.StartMicros, 1, _highestMicros));
        Interlocked.Add(ref counters.Requests, flow.Requests);
        if (flow.Trace is { } trace)
        {
            Volatile.Write(ref counters.Example, [.. trace]);
        }

        return counters;
    }

    private sealed class Counters(long highestMicros)
    {
        public readonly long[] Codes = new long[128 * 128];
        public readonly long[] Failures = new long[FlowFailures.All.Count];
        public readonly LongConcurrentHistogram Durations = new(1, highestMicros, 3);
        public long Started;
        public long Completed;
        public long Failed;
        public long Requests;
        public int ExampleClaimed;
        public string[]? Example;

        public ScenarioResults Results(Scenario scenario, int weight)
        {
            var codes = new SortedDictionary<string, long>(StringComparer.Ordinal);
            for (var i = 0; i < Codes.Length; i++)
            {
                if (Interlocked.Read(ref Codes[i]) is var count and > 0)
                {
                    codes[new string([(char)(i >> 7), (char)(i & 0x7F)])] = count;
                }
            }

            var failures = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var failure in FlowFailures.All)
            {
                if (Interlocked.Read(ref Failures[(int)failure]) is var count and > 0)
                {
                    failures[FlowFailures.Name(failure)] = count;
                }
            }

            var durations = Durations.Copy();
            var summary = durations.TotalCount == 0
                ? new LatencySummary(0, 0, 0, 0, 0)
                : new LatencySummary(
                    durations.GetValueAtPercentile(50),
                    durations.GetValueAtPercentile(90),
                    durations.GetValueAtPercentile(99),
                    durations.GetValueAtPercentile(99.9),
                    durations.GetMaxValue());
            return new ScenarioResults(
                scenario,
                weight,
                Interlocked.Read(ref Started),
                Interlocked.Read(ref Completed),
                Interlocked.Read(ref Failed),
                Interlocked.Read(ref Requests),
                codes,
                failures,
                summary,
                Volatile.Read(ref Example) ?? []);
        }
    }
}
