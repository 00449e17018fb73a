using System.Diagnostics;

namespace Switch.Traffic.Generator;

/// <summary>
/// The run's time line in microseconds since its start, and the end of its sending window, which
/// cancellation can bring forward. Microseconds in a long leave room for the packed outstanding slots.
/// </summary>
internal sealed class RunClock
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly double _microsPerTick = 1_000_000.0 / Stopwatch.Frequency;
    private long _sendingEnds;
    private long _firstSend = long.MaxValue;

    public RunClock(TimeSpan sendingWindow) => _sendingEnds = ToMicros(sendingWindow);

    public long NowMicros => (long)((Stopwatch.GetTimestamp() - _start) * _microsPerTick);

    public long SendingEndsMicros => Volatile.Read(ref _sendingEnds);

    public bool IsSending(long nowMicros) => nowMicros < SendingEndsMicros;

    /// <summary>
    /// The sending window as measured: from the first request (connecting and signing on come
    /// before it) to the window's end, so a rate divided over it is the rate actually offered.
    /// </summary>
    public TimeSpan Measured
    {
        get
        {
            var first = Volatile.Read(ref _firstSend);
            return first == long.MaxValue ? TimeSpan.Zero : TimeSpan.FromMicroseconds(Math.Max(0, SendingEndsMicros - first));
        }
    }

    /// <summary>How long the run has been sending at <paramref name="nowMicros"/>: <see cref="Measured"/> so far.</summary>
    public TimeSpan SendingFor(long nowMicros)
    {
        var first = Volatile.Read(ref _firstSend);
        return first == long.MaxValue ? TimeSpan.Zero : TimeSpan.FromMicroseconds(Math.Max(0, Math.Min(nowMicros, SendingEndsMicros) - first));
    }

    /// <summary>Notes a request started at <paramref name="startMicros"/>; the earliest opens the measured window.</summary>
    public void MarkSend(long startMicros)
    {
        long first;
        while (startMicros < (first = Volatile.Read(ref _firstSend)) && Interlocked.CompareExchange(ref _firstSend, startMicros, first) != first)
        {
        }
    }

    /// <summary>Closes the sending window now, if it is not closed already.</summary>
    public void StopSending()
    {
        var now = NowMicros;
        long current;
        while ((current = Volatile.Read(ref _sendingEnds)) > now && Interlocked.CompareExchange(ref _sendingEnds, now, current) != current)
        {
        }
    }

    public static long ToMicros(TimeSpan span) => span.Ticks / TimeSpan.TicksPerMicrosecond;
}
