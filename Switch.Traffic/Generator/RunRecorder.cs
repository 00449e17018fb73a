using System.Collections.Concurrent;

namespace Switch.Traffic.Generator;

/// <summary>
/// Counts and latencies of a run, shared by every terminal: interlocked counters, an HdrHistogram
/// recorder cut into per-second samples and response-code counters indexed by the code's two
/// bytes, so recording takes no lock and allocates nothing.
/// </summary>
internal sealed class RunRecorder
{
    private readonly LatencyTimeline _latency;
    private readonly long _highestMicros;
    private readonly long[] _codes = new long[128 * 128];
    private readonly ConcurrentQueue<SignOnFailure> _signOnFailures = new();
    private long _sent;
    private long _completed;
    private long _timeouts;
    private long _losses;
    private long _unreadable;
    private long _stray;
    private long _macFailures;
    private int _connected;
    private int _signedOn;

    public RunRecorder(TimeSpan timeout)
    {
        // Nothing later than the timeout is a latency; the margin covers the sweep's lag.
        _highestMicros = RunClock.ToMicros(timeout + TimeSpan.FromSeconds(1));
        _latency = new LatencyTimeline(_highestMicros);
    }

    public void Sent() => Interlocked.Increment(ref _sent);

    public void Completed(long latencyMicros, byte code0, byte code1)
    {
        _latency.Record(Math.Clamp(latencyMicros, 0, _highestMicros));
        Interlocked.Increment(ref _codes[((code0 & 0x7F) << 7) | (code1 & 0x7F)]);
        Interlocked.Increment(ref _completed);
    }

    public void TimedOut(int count) => Interlocked.Add(ref _timeouts, count);

    public void ConnectionLost(int count) => Interlocked.Add(ref _losses, count);

    public void Unreadable() => Interlocked.Increment(ref _unreadable);

    public void Stray() => Interlocked.Increment(ref _stray);

    public void MacFailed() => Interlocked.Increment(ref _macFailures);

    public void Connected() => Interlocked.Increment(ref _connected);

    public void SignedOn() => Interlocked.Increment(ref _signedOn);

    public void SignOnFailed(string tid, string reason) => _signOnFailures.Enqueue(new SignOnFailure(tid, reason));

    private long Errors => Interlocked.Read(ref _timeouts) + Interlocked.Read(ref _losses) + Interlocked.Read(ref _unreadable);

    /// <summary>Closes the current second of the timeline and tells where the run stands. One caller at a time: the run's sampler.</summary>
    public RunProgress Sample(RunClock clock, int terminals)
    {
        var now = clock.NowMicros;
        var errors = Errors;
        var last = _latency.Cut(now, errors);
        var completed = Interlocked.Read(ref _completed);
        var sendingFor = clock.SendingFor(now);
        return new RunProgress
        {
            Elapsed = TimeSpan.FromMicroseconds(now),
            Remaining = TimeSpan.FromMicroseconds(Math.Max(0, clock.SendingEndsMicros - now)),
            LastSecond = last,
            AverageTps = sendingFor > TimeSpan.Zero ? completed / sendingFor.TotalSeconds : 0,
            LatencyMicros = _latency.Summary(),
            Sent = Interlocked.Read(ref _sent),
            Completed = completed,
            Errors = errors,
            ResponseCodes = ResponseCodes(),
            SignedOn = Volatile.Read(ref _signedOn),
            Terminals = terminals,
        };
    }

    /// <summary>What was measured up to the last <see cref="Sample"/>, which the run takes after its last answer.</summary>
    public RunResults Results(RunOptions options, TimeSpan measured) => new()
    {
        Options = options,
        Measured = measured,
        Sent = Interlocked.Read(ref _sent),
        Completed = Interlocked.Read(ref _completed),
        Timeouts = Interlocked.Read(ref _timeouts),
        ConnectionLosses = Interlocked.Read(ref _losses),
        Unreadable = Interlocked.Read(ref _unreadable),
        Stray = Interlocked.Read(ref _stray),
        MacFailures = Interlocked.Read(ref _macFailures),
        LatencyMicros = _latency.Summary(),
        ResponseCodes = ResponseCodes(),
        Connected = Volatile.Read(ref _connected),
        SignedOn = Volatile.Read(ref _signedOn),
        SignOnFailures = [.. _signOnFailures.OrderBy(f => f.Tid, StringComparer.Ordinal)],
        Timeline = _latency.Samples(),
        LatencyDistribution = _latency.Distribution(),
    };

    private SortedDictionary<string, long> ResponseCodes()
    {
        var codes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < _codes.Length; i++)
        {
            var count = Interlocked.Read(ref _codes[i]);
            if (count > 0)
            {
                codes[new string([(char)(i >> 7), (char)(i & 0x7F)])] = count;
            }
        }

        return codes;
    }
}
