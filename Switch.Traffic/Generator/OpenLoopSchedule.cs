namespace Switch.Traffic.Generator;

/// <summary>
/// One terminal's fixed timetable in an open-loop run: request k is due at first + k × period,
/// whatever happened to the requests before it. Latency counts from that due time (as wrk2 does),
/// so a stall of the target shows in the percentiles instead of quietly slowing the sender down.
/// </summary>
internal sealed class OpenLoopSchedule
{
    private readonly long _firstMicros;
    private readonly double _periodMicros;
    private long _next;

    private OpenLoopSchedule(long firstMicros, double periodMicros)
    {
        _firstMicros = firstMicros;
        _periodMicros = periodMicros;
    }

    /// <summary>When the next request is due, in run microseconds.</summary>
    public long NextDueMicros => _firstMicros + (long)(_next * _periodMicros);

    public void Advance() => _next++;

    /// <summary>
    /// The timetable of terminal <paramref name="terminal"/> of the run, starting no sooner than
    /// <paramref name="readyMicros"/> (its sign-on). Terminals share the total rate evenly and are
    /// offset from one another by one total-rate interval, so together they send at an even pace.
    /// A scenario mix gives its terminals unequal parts (<paramref name="rateShare"/>, see FleetPlan).
    /// </summary>
    public static OpenLoopSchedule For(RunOptions options, int terminal, long readyMicros, double? rateShare = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rate = options.Rate ?? throw new ArgumentException("an open-loop schedule needs a rate", nameof(options));
        var period = rateShare is { } share ? 1_000_000.0 / (rate * share) : options.Terminals * 1_000_000.0 / rate;
        var phase = (long)(terminal * 1_000_000.0 / rate);
        return new OpenLoopSchedule(Math.Max(readyMicros, RunClock.ToMicros(options.StartOffset(terminal))) + phase, period);
    }
}
