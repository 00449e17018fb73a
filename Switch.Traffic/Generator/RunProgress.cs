namespace Switch.Traffic.Generator;

/// <summary>Where a run stands: what an <see cref="IProgress{T}"/> passed to the run is told once a second, and once more at its end.</summary>
public sealed record RunProgress
{
    /// <summary>Since the run started, connecting and signing on included.</summary>
    public required TimeSpan Elapsed { get; init; }
    /// <summary>Left of the sending window; zero while the last answers are awaited.</summary>
    public required TimeSpan Remaining { get; init; }
    /// <summary>The second just closed (the run's timeline sample).</summary>
    public required SecondSample LastSecond { get; init; }
    /// <summary>Completed per second since the first request.</summary>
    public required double AverageTps { get; init; }
    /// <summary>Percentiles of everything completed so far.</summary>
    public required LatencySummary LatencyMicros { get; init; }
    public required long Sent { get; init; }
    public required long Completed { get; init; }
    public required long Errors { get; init; }
    public required IReadOnlyDictionary<string, long> ResponseCodes { get; init; }
    public required int SignedOn { get; init; }
    public required int Terminals { get; init; }
}
