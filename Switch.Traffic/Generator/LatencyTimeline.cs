using HdrHistogram;

namespace Switch.Traffic.Generator;

/// <summary>
/// Latencies of a run, cut into per-second samples from HdrHistogram's interval histograms:
/// recording stays a wait-free write into the <see cref="Recorder"/>'s active histogram, and only
/// the once-a-second sampler touches the interval histogram, the running total and the samples.
/// </summary>
internal sealed class LatencyTimeline
{
    private const int SignificantDigits = 3;
    // Five steps per halving of the distance to 100% gives a smooth curve out to the last nines.
    private const int PercentileTicksPerHalfDistance = 5;

    private readonly Recorder _recorder;
    private readonly LongHistogram _total;
    private readonly List<SecondSample> _samples = [];
    private readonly Lock _sampling = new();
    private HistogramBase? _interval;
    private long _sampledErrors;
    private long _sampledMicros;

    public LatencyTimeline(long highestMicros)
    {
        _recorder = HistogramFactory.With64BitBucketSize()
            .WithValuesFrom(1)
            .WithValuesUpTo(highestMicros)
            .WithPrecisionOf(SignificantDigits)
            .WithThreadSafeWrites()
            .WithThreadSafeReads()
            .Create();
        _total = new LongHistogram(1, highestMicros, SignificantDigits);
    }

    public void Record(long micros) => _recorder.RecordValue(micros);

    /// <summary>
    /// Closes the sample that began at the previous cut: what completed since, the errors counted
    /// since (from the run's running total <paramref name="errorsSoFar"/>), and their percentiles.
    /// </summary>
    public SecondSample Cut(long nowMicros, long errorsSoFar)
    {
        lock (_sampling)
        {
            _interval = _interval is null ? _recorder.GetIntervalHistogram() : _recorder.GetIntervalHistogram(_interval);
            _total.Add(_interval);
            var sample = new SecondSample(
                _samples.Count,
                TimeSpan.FromMicroseconds(Math.Max(0, nowMicros - _sampledMicros)),
                _interval.TotalCount,
                errorsSoFar - _sampledErrors,
                Percentile(_interval, 50),
                Percentile(_interval, 99));
            _samples.Add(sample);
            _sampledErrors = errorsSoFar;
            _sampledMicros = nowMicros;
            return sample;
        }
    }

    public IReadOnlyList<SecondSample> Samples()
    {
        lock (_sampling)
        {
            return [.. _samples];
        }
    }

    /// <summary>Percentiles of everything up to the last cut.</summary>
    public LatencySummary Summary()
    {
        lock (_sampling)
        {
            return _total.TotalCount == 0
                ? new LatencySummary(0, 0, 0, 0, 0)
                : new LatencySummary(
                    _total.GetValueAtPercentile(50),
                    _total.GetValueAtPercentile(90),
                    _total.GetValueAtPercentile(99),
                    _total.GetValueAtPercentile(99.9),
                    _total.GetMaxValue());
        }
    }

    /// <summary>HdrHistogram's percentile distribution of everything up to the last cut.</summary>
    public IReadOnlyList<PercentilePoint> Distribution()
    {
        lock (_sampling)
        {
            return _total.TotalCount == 0
                ? []
                : [.. _total.Percentiles(PercentileTicksPerHalfDistance).Select(v => new PercentilePoint(v.PercentileLevelIteratedTo, v.ValueIteratedTo))];
        }
    }

    private static long Percentile(HistogramBase histogram, double percentile) =>
        histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile);
}
