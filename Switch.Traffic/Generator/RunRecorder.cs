using System.Collections.Concurrent;
using HdrHistogram;

namespace Switch.Traffic.Generator;

/// <summary>
/// Counts and latencies of a run, shared by every terminal: interlocked counters, a concurrent
/// histogram and response-code counters indexed by the code's two bytes, so recording takes no
/// lock and allocates nothing.
/// </summary>
internal sealed class RunRecorder
{
    private const int SignificantDigits = 3;

    private readonly LongConcurrentHistogram _latency;
    private readonly long _highestMicros;
    private readonly long[] _codes = new long[128 * 128];
    private readonly ConcurrentQueue<SignOnFailure> _signOnFailures = new();
    private long _sent;
    private long _completed;
    private long _timeouts;
    private long _losses;
    private long _unreadable;
    private long _stray;
    private int _connected;
    private int _signedOn;

    public RunRecorder(TimeSpan timeout)
    {
        // Nothing later than the timeout is a latency; the margin covers the sweep's lag.
        _highestMicros = RunClock.ToMicros(timeout + TimeSpan.FromSeconds(1));
        _latency = new LongConcurrentHistogram(1, _highestMicros, SignificantDigits);
    }

    public void Sent() => Interlocked.Increment(ref _sent);

    public void Completed(long latencyMicros, byte code0, byte code1)
    {
        _latency.RecordValue(Math.Clamp(latencyMicros, 0, _highestMicros));
        Interlocked.Increment(ref _codes[((code0 & 0x7F) << 7) | (code1 & 0x7F)]);
        Interlocked.Increment(ref _completed);
    }

    public void TimedOut(int count) => Interlocked.Add(ref _timeouts, count);

    public void ConnectionLost(int count) => Interlocked.Add(ref _losses, count);

    public void Unreadable() => Interlocked.Increment(ref _unreadable);

    public void Stray() => Interlocked.Increment(ref _stray);

    public void Connected() => Interlocked.Increment(ref _connected);

    public void SignedOn() => Interlocked.Increment(ref _signedOn);

    public void SignOnFailed(string tid, string reason) => _signOnFailures.Enqueue(new SignOnFailure(tid, reason));

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
        LatencyMicros = _latency.TotalCount == 0
            ? new LatencySummary(0, 0, 0, 0, 0)
            : new LatencySummary(
                _latency.GetValueAtPercentile(50),
                _latency.GetValueAtPercentile(90),
                _latency.GetValueAtPercentile(99),
                _latency.GetValueAtPercentile(99.9),
                _latency.GetMaxValue()),
        ResponseCodes = ResponseCodes(),
        Connected = Volatile.Read(ref _connected),
        SignedOn = Volatile.Read(ref _signedOn),
        SignOnFailures = [.. _signOnFailures.OrderBy(f => f.Tid, StringComparer.Ordinal)],
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
