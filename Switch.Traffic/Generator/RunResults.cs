using Switch.Traffic.Scenarios;

namespace Switch.Traffic.Generator;

/// <summary>Latency percentiles in microseconds.</summary>
public sealed record LatencySummary(long P50, long P90, long P99, long P999, long Max);

/// <summary>A point of the latency distribution: <paramref name="Percentile"/> (0..100) of the requests took at most <paramref name="Micros"/>.</summary>
public sealed record PercentilePoint(double Percentile, long Micros);

/// <summary>
/// One second of the run (the last one shorter, as the run ends): what completed and failed in it and
/// how fast. <paramref name="Length"/> is the sampler's actual interval, so throughput stays honest
/// when a tick comes late.
/// </summary>
public sealed record SecondSample(int Second, TimeSpan Length, long Completed, long Errors, long P50Micros, long P99Micros)
{
    public double Tps => Length > TimeSpan.Zero ? Completed / Length.TotalSeconds : 0;
}

/// <summary>A terminal that never got to send: it could not connect, or its sign-on was not approved.</summary>
public sealed record SignOnFailure(string Tid, string Reason);

/// <summary>
/// What a run measured. Every request sent ends as exactly one of completed or an error (timeout,
/// connection loss, unreadable answer), so <c>Sent == Completed + Errors</c> once the run is over.
/// </summary>
public sealed record RunResults
{
    public required RunOptions Options { get; init; }
    /// <summary>From the first request to the end of the sending window (shorter when stopped early).</summary>
    public required TimeSpan Measured { get; init; }
    public required long Sent { get; init; }
    public required long Completed { get; init; }
    public required long Timeouts { get; init; }
    public required long ConnectionLosses { get; init; }
    public required long Unreadable { get; init; }
    /// <summary>Answers that matched nothing outstanding: too late, or for a STAN never sent.</summary>
    public required long Stray { get; init; }
    public required LatencySummary LatencyMicros { get; init; }
    /// <summary>Completed requests by field 39.</summary>
    public required IReadOnlyDictionary<string, long> ResponseCodes { get; init; }
    /// <summary>Terminals whose TCP connection was established.</summary>
    public required int Connected { get; init; }
    public required int SignedOn { get; init; }
    public required IReadOnlyList<SignOnFailure> SignOnFailures { get; init; }
    /// <summary>One sample per second from the start of the run (connecting included) to its end; the completed counts add up to <see cref="Completed"/>.</summary>
    public required IReadOnlyList<SecondSample> Timeline { get; init; }
    /// <summary>The latency distribution by percentile, for a chart; empty when nothing completed.</summary>
    public required IReadOnlyList<PercentilePoint> LatencyDistribution { get; init; }
    /// <summary>Per scenario of the mix, how its flows ended; empty in a run without a mix.</summary>
    public IReadOnlyList<ScenarioResults> Scenarios { get; init; } = [];
    /// <summary>In a <c>--mac</c> run, answers whose MAC was missing or did not verify under the terminal's session key.</summary>
    public long MacFailures { get; init; }

    public long Errors => Timeouts + ConnectionLosses + Unreadable;

    public double Tps => Measured > TimeSpan.Zero ? Completed / Measured.TotalSeconds : 0;

    /// <summary>No terminal could even open a connection.</summary>
    public bool TargetUnreachable => Connected == 0;
}
