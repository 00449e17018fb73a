using Switch.Traffic.Generator;
using Switch.Traffic.Report;

namespace Switch.Tests.Traffic;

public sealed class ReportChartsTests
{
    [Fact]
    public void The_percentile_axis_counts_nines_and_ends_at_the_max()
    {
        var chart = ReportCharts.Percentiles([new(0, 900), new(50, 1_000), new(90, 2_000), new(99, 3_000), new(99.9, 4_000), new(99.99, 5_000), new(100, 6_000)]);

        Assert.Equal(["0%", "50%", "90%", "99%", "99.9%", "99.99%", "max"], chart.XTicks.Select(t => t.Label));
        Assert.Equal([0, 0.301, 1, 2, 3, 4, 5], chart.XTicks.Select(t => Math.Round(t.Value, 3)));
        var points = Assert.Single(chart.Series).Points;
        Assert.Equal((5.0, 6.0), points[^1]);
        Assert.Equal(3, points[4].X, precision: 6);
    }

    [Fact]
    public void A_short_tail_still_shows_90_and_99_percent()
    {
        var chart = ReportCharts.Percentiles([new(0, 1_000), new(50, 1_000), new(100, 1_000)]);

        Assert.Equal(["0%", "50%", "90%", "99%", "max"], chart.XTicks.Select(t => t.Label));
    }

    [Fact]
    public void Timeline_samples_are_drawn_at_the_end_of_their_interval()
    {
        SecondSample[] timeline =
        [
            new(0, TimeSpan.FromSeconds(1), 100, 0, 1_000, 2_000),
            new(1, TimeSpan.FromSeconds(1), 0, 3, 0, 0),
            new(2, TimeSpan.FromSeconds(0.5), 50, 0, 1_500, 2_500),
        ];

        Assert.Equal([(1.0, 100.0), (2.0, 0.0), (2.5, 100.0)], Assert.Single(ReportCharts.Throughput(timeline).Series).Points);
        var latency = ReportCharts.LatencyOverTime(timeline);
        Assert.Equal(2.5, latency.XMax);
        // A second with nothing completed has no latency to draw.
        Assert.Equal([(1.0, 2.0), (2.5, 2.5)], latency.Series.Single(s => s.Name == "p99").Points);
    }
}
