using System.Diagnostics;
using System.Net;
using Serilog.Core;
using Switch.Traffic.Acquirer;
using Switch.Traffic.Generator;

namespace Switch.Tests.Traffic;

/// <summary>The generator against the in-process acquirer simulator, over loopback sockets.</summary>
[Collection(TrafficRuns.Name)]
public sealed class TrafficRunTests : IAsyncLifetime
{
    private AcquirerSimulator _simulator = null!;

    public Task InitializeAsync()
    {
        _simulator = Start(new AcquirerSimulatorOptions());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Closed_loop_terminals_are_all_answered_and_every_purchase_reaches_the_acquirer()
    {
        var results = await TrafficRun.RunAsync(Options(_simulator.LocalEndPoint) with
        {
            Terminals = 3,
            Pipeline = 2,
            Duration = TimeSpan.FromSeconds(1.5),
        });

        Assert.True(results.Completed > 0);
        Assert.Equal(0, results.Errors);
        Assert.Equal(results.Sent, results.Completed);
        Assert.Equal(results.Completed, Assert.Single(results.ResponseCodes, c => c.Key == "00").Value);
        Assert.Single(results.ResponseCodes);
        Assert.Equal(3, results.SignedOn);
        var ledger = _simulator.Ledger.Entries;
        Assert.Equal(results.Sent, ledger.Count(e => e.Mti == "0200"));
        Assert.Equal(["T0000001", "T0000002", "T0000003"], ledger.Where(e => e.Mti == "0800").Select(e => e.Tid).Order(StringComparer.Ordinal));
        Assert.All(ledger.Where(e => e.Mti == "0200").GroupBy(e => e.Tid), terminal =>
            Assert.Equal(terminal.Count(), terminal.Select(e => e.Stan).Distinct().Count()));
    }

    [Fact]
    public async Task Open_loop_sends_at_the_rate_asked_and_orders_its_percentiles()
    {
        const double rate = 200;
        var results = await TrafficRun.RunAsync(Options(_simulator.LocalEndPoint) with
        {
            Terminals = 4,
            Rate = rate,
            Duration = TimeSpan.FromSeconds(2),
        });

        // The timetable fixes what is sent, however late: at most the rate over the measured window
        // (plus one per terminal at the edges), and at least half of it however slow sign-on was.
        Assert.InRange(results.Sent, (long)(rate * 2 * 0.5), (long)((rate * results.Measured.TotalSeconds) + 4));
        Assert.Equal(results.Sent, results.Completed);
        Assert.Equal(0, results.Errors);
        var latency = results.LatencyMicros;
        Assert.True(latency.P50 <= latency.P90 && latency.P90 <= latency.P99 && latency.P99 <= latency.P999 && latency.P999 <= latency.Max, latency.ToString());
        Assert.True(latency.P50 > 0);
    }

    [Fact]
    public async Task The_timeline_has_one_sample_per_second_adding_up_to_the_run()
    {
        var results = await TrafficRun.RunAsync(Options(_simulator.LocalEndPoint) with { Terminals = 2, Duration = TimeSpan.FromSeconds(2) });

        // However late the ticks, a run of two seconds has at least one whole second and the last, shorter one.
        Assert.True(results.Timeline.Count >= 2, $"{results.Timeline.Count} samples");
        Assert.Equal(Enumerable.Range(0, results.Timeline.Count), results.Timeline.Select(s => s.Second));
        Assert.Equal(results.Completed, results.Timeline.Sum(s => s.Completed));
        Assert.Equal(results.Errors, results.Timeline.Sum(s => s.Errors));
        Assert.All(results.Timeline.Where(s => s.Completed > 0), s => Assert.True(s.P50Micros > 0 && s.P50Micros <= s.P99Micros, s.ToString()));
        Assert.Equal(100, results.LatencyDistribution[^1].Percentile);
        Assert.Equal(results.LatencyMicros.Max, results.LatencyDistribution[^1].Micros);
    }

    [Fact]
    public async Task Unanswered_requests_are_errors_once_the_timeout_passes_and_the_run_still_ends()
    {
        var clock = Stopwatch.StartNew();
        var results = await TrafficRun.RunAsync(Options(_simulator.LocalEndPoint) with
        {
            Amount = 10091,
            Pipeline = 2,
            Duration = TimeSpan.FromSeconds(1),
            Timeout = TimeSpan.FromMilliseconds(400),
        });

        Assert.True(results.Sent >= 2);
        Assert.Equal(0, results.Completed);
        Assert.Equal(results.Sent, results.Timeouts);
        Assert.Equal(results.Sent, results.Errors);
        Assert.Equal(results.Errors, results.Timeline.Sum(s => s.Errors));
        Assert.Empty(results.ResponseCodes);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Declines_are_counted_by_response_code()
    {
        var results = await TrafficRun.RunAsync(Options(_simulator.LocalEndPoint) with { Amount = 1051, Duration = TimeSpan.FromMilliseconds(500) });

        Assert.True(results.Completed > 0);
        Assert.Equal(results.Completed, results.ResponseCodes["51"]);
        Assert.Equal(0, results.Errors);
    }

    [Fact]
    public async Task A_dropped_connection_loses_what_was_outstanding_and_stops_the_terminal()
    {
        await using var dropping = Start(new AcquirerSimulatorOptions { Rules = new ResponseRules(disconnectRate: 1) });
        var clock = Stopwatch.StartNew();
        var results = await TrafficRun.RunAsync(Options(dropping.LocalEndPoint) with { Duration = TimeSpan.FromSeconds(30) });

        Assert.Equal(1, results.Sent);
        Assert.Equal(1, results.ConnectionLosses);
        Assert.Equal(1, results.Errors);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"a run with no terminal left took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_binary_profile_with_ascii_length_headers_is_spoken_when_asked()
    {
        var framing = new Switch.Protocol.Framing.FrameOptions(Switch.Protocol.Framing.LengthHeader.Ascii4);
        var profile = Switch.Protocol.Iso8583.Specs.Iso87.Binary;
        await using var simulator = Start(new AcquirerSimulatorOptions { Profile = profile, Framing = framing });
        var results = await TrafficRun.RunAsync(Options(simulator.LocalEndPoint) with
        {
            Profile = profile,
            Framing = framing,
            Duration = TimeSpan.FromMilliseconds(500),
        });

        Assert.True(results.Completed > 0);
        Assert.Equal(results.Sent, results.Completed);
    }

    [Fact]
    public async Task A_target_nobody_listens_on_is_unreachable()
    {
        var results = await TrafficRun.RunAsync(Options(UnusedEndPoint()) with { Terminals = 2, Duration = TimeSpan.FromSeconds(30) });

        Assert.True(results.TargetUnreachable);
        Assert.Equal(2, results.SignOnFailures.Count);
        Assert.Equal(0, results.Sent);
    }

    internal static RunOptions Options(IPEndPoint target) => new()
    {
        Target = target,
        Terminals = 1,
        Duration = TimeSpan.FromSeconds(1),
        Timeout = TimeSpan.FromSeconds(5),
    };

    internal static AcquirerSimulator Start(AcquirerSimulatorOptions options)
    {
        var simulator = new AcquirerSimulator(options, Logger.None);
        simulator.Start();
        return simulator;
    }

    internal static IPEndPoint UnusedEndPoint()
    {
        using var probe = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)probe.LocalEndPoint!;
    }
}
