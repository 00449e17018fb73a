using Serilog;
using Switch.Traffic.Generator.Recovery;
using Switch.Traffic.Scenarios;

namespace Switch.Traffic.Generator;

/// <summary>The generator as a library: one run against a target, start to results.</summary>
public static class TrafficRun
{
    /// <inheritdoc cref="RunAsync(RunOptions, ILogger?, CancellationToken)"/>
    public static Task<RunResults> RunAsync(RunOptions options, CancellationToken cancellation = default) =>
        RunAsync(options, log: null, cancellation);

    /// <inheritdoc cref="RunAsync(RunOptions, ILogger?, IProgress{RunProgress}?, CancellationToken)"/>
    public static Task<RunResults> RunAsync(RunOptions options, ILogger? log, CancellationToken cancellation = default) =>
        RunAsync(options, log, progress: null, cancellation);

    /// <summary>
    /// Runs the terminals for ramp-up plus duration, waits up to the timeout for the last answers and
    /// returns what was measured, telling <paramref name="progress"/> (when given) where the run stands
    /// once a second and once more at the end. Cancelling ends the sending window early; the results still come back.
    /// </summary>
    /// <exception cref="ArgumentException">The options cannot run; the message names the option.</exception>
    public static async Task<RunResults> RunAsync(RunOptions options, ILogger? log, IProgress<RunProgress>? progress, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        if (options.Scenarios is { Mix.HasChallenges: true, Sms: null })
        {
            throw new ArgumentException("--sms-listen: the challenged scenarios need the SMS sink the switch texts their codes to", nameof(options));
        }

        log ??= Log.Logger;
        var clock = new RunClock(options.RampUp + options.Duration);
        var recorder = new RunRecorder(options.Timeout);
        if (options.Recovery is { } recovery)
        {
            return await RecoveringRunAsync(options, recovery, clock, recorder, log, progress, cancellation).ConfigureAwait(false);
        }

        var requests = options.Requests ?? new PurchaseFactory(options);
        var flows = options.Scenarios is { } scenarios ? new FlowFactory(options, scenarios, DateTime.UtcNow) : null;
        var sessions = Enumerable.Range(0, options.Terminals)
            .Select(i => new TerminalSession(options, i, clock, recorder, requests, flows, log))
            .ToArray();
        log.Information("Generator: {Terminals} terminals from {First} to {Target}, {Mode}, for {RampUp} + {Duration}",
            options.Terminals, options.Tid(0), options.Target, Mode(options), options.RampUp, options.Duration);
        if (flows is not null)
        {
            log.Information("Generator: scenarios {Mix}; {Challenged} terminals at {ChallengeMid} (challenge always), {Plain} at {Mid}",
                options.Scenarios!.Mix, flows.Plan.ChallengeTerminals, options.Scenarios.ChallengeMid, flows.Plan.PlainTerminals, options.Mid);
        }

        using var ended = new CancellationTokenSource();
        var monitor = new RunMonitor(clock, recorder, options.Terminals, progress);
        var sampling = monitor.RunAsync(ended.Token);
        using (cancellation.Register(clock.StopSending))
        {
            var starting = Task.WhenAll(sessions.Select((session, i) => StartAsync(session, options.StartOffset(i), clock, ended.Token)));
            var scheduler = new Scheduler(options, sessions, clock, starting);
            await Task.Factory.StartNew(scheduler.Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            await ended.CancelAsync().ConfigureAwait(false);
            await starting.ConfigureAwait(false);
        }

        foreach (var session in sessions)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        // Every answer is in: the last, shorter second closes the timeline.
        await sampling.ConfigureAwait(false);
        monitor.Sample();

        return recorder.Results(options, clock.Measured) with { Scenarios = flows?.Recorder.Results() ?? [] };
    }

    private static async Task<RunResults> RecoveringRunAsync(RunOptions options, RecoveryOptions recovery, RunClock clock, RunRecorder recorder, ILogger log, IProgress<RunProgress>? progress, CancellationToken cancellation)
    {
        log.Information("Generator: {Terminals} recovering terminals from {First} to {Target}, closed loop, for {RampUp} + {Duration}; {Retransmits} retransmissions, then a reversal",
            options.Terminals, options.Tid(0), options.Target, options.RampUp, options.Duration, recovery.Retransmits);
        using var ended = new CancellationTokenSource();
        var monitor = new RunMonitor(clock, recorder, options.Terminals, progress);
        var sampling = monitor.RunAsync(ended.Token);
        await RecoveringFleet.RunAsync(options, recovery, clock, recorder, log, cancellation).ConfigureAwait(false);
        await ended.CancelAsync().ConfigureAwait(false);
        await sampling.ConfigureAwait(false);
        monitor.Sample();
        return recorder.Results(options, clock.Measured);
    }

    public static string Mode(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Rate is { } rate
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"open loop at {rate:0.##}/s")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"closed loop, pipeline {options.Pipeline}");
    }

    private static async Task StartAsync(TerminalSession session, TimeSpan offset, RunClock clock, CancellationToken ended)
    {
        var wait = offset - TimeSpan.FromMicroseconds(clock.NowMicros);
        try
        {
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ended).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await session.StartAsync(ended).ConfigureAwait(false);
    }
}
