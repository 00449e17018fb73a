using System.Globalization;
using Switch.Traffic.Generator;

namespace Switch.Traffic.Report;

/// <summary>The report's three charts, from the run's percentile distribution and timeline.</summary>
internal static class ReportCharts
{
    private const string Blue = "#1f77b4";
    private const string Orange = "#ff7f0e";
    // The axis always shows 90% and 99% before the max, however few requests there were.
    private const double MinNines = 3;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Latency against percentile on HdrHistogram's "nines" scale, x = -log10(1 - p), so 90%, 99%,
    /// 99.9% are evenly spaced and the tail gets the room it deserves; 100% (the max) sits one step past the last nine reached.
    /// </summary>
    public static LineChart Percentiles(IReadOnlyList<PercentilePoint> distribution)
    {
        var finite = distribution.Where(p => p.Percentile < 100).Select(p => Nines(p.Percentile)).DefaultIfEmpty(0).Max();
        // The nudge keeps 99.99% (3.99999... nines in floating point) from counting as three nines.
        var xMax = Math.Max(MinNines, Math.Floor(finite + 1e-9) + 1);
        var points = distribution.Select(p => (p.Percentile < 100 ? Nines(p.Percentile) : xMax, p.Micros / 1000.0)).ToArray();
        var ticks = new List<AxisTick> { new(0, "0%"), new(Nines(50), "50%") };
        for (var nines = 1; nines < xMax; nines++)
        {
            ticks.Add(new AxisTick(nines, string.Create(Invariant, $"{100 - Math.Pow(10, 2 - nines):0.##########}%")));
        }

        ticks.Add(new AxisTick(xMax, "max"));
        return new LineChart("Latency by percentile (ms)", "percentile", xMax, ticks, Ms, [new ChartSeries("latency", Blue, points)]);
    }

    public static LineChart Throughput(IReadOnlyList<SecondSample> timeline)
    {
        var ends = Ends(timeline);
        var points = timeline.Select((s, i) => (ends[i], s.Tps)).ToArray();
        return new LineChart("Throughput (completed per second)", "seconds since the run started", End(ends), Seconds(ends), PerSecond, [new ChartSeries("tps", Blue, points)]);
    }

    public static LineChart LatencyOverTime(IReadOnlyList<SecondSample> timeline)
    {
        var ends = Ends(timeline);
        var answered = timeline.Select((s, i) => (Sample: s, End: ends[i])).Where(s => s.Sample.Completed > 0).ToArray();
        return new LineChart("Latency per second (ms)", "seconds since the run started", End(ends), Seconds(ends), Ms,
        [
            new ChartSeries("p50", Blue, [.. answered.Select(s => (s.End, s.Sample.P50Micros / 1000.0))]),
            new ChartSeries("p99", Orange, [.. answered.Select(s => (s.End, s.Sample.P99Micros / 1000.0))]),
        ]);
    }

    private static double Nines(double percentile) => -Math.Log10(1 - (percentile / 100));

    // Each sample is drawn at the end of its interval, where its figures were cut.
    private static double[] Ends(IReadOnlyList<SecondSample> timeline)
    {
        var ends = new double[timeline.Count];
        var at = 0.0;
        for (var i = 0; i < ends.Length; i++)
        {
            at += timeline[i].Length.TotalSeconds;
            ends[i] = at;
        }

        return ends;
    }

    private static double End(double[] ends) => ends.Length == 0 ? 0 : ends[^1];

    private static IReadOnlyList<AxisTick> Seconds(double[] ends) => SvgChart.LinearTicks(End(ends), s => string.Create(Invariant, $"{s:0.#}"));

    private static string Ms(double ms) => string.Create(Invariant, $"{ms:0.###}");

    private static string PerSecond(double tps) => string.Create(Invariant, $"{tps:0.#}");
}
