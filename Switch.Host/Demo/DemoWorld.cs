using System.Net;
using Serilog;
using Switch.Host.Configuration;
using Switch.Host.Hosting;
using Switch.Traffic.Acquirer;
using Switch.Traffic.Generator;
using Switch.Traffic.Live;
using Switch.Traffic.Provisioning;
using Switch.Traffic.Scenarios;
using Switch.Traffic.Sms;

namespace Switch.Host.Demo;

/// <summary>
/// The whole world in one process: two simulated acquirers, the SMS sink standing for the
/// cardholders' phones, a switch node on the embedded defaults (SQLite in the demo's folder) texting
/// its codes to the sink, the merchants, terminals and card phones provisioned through the node's
/// admin API, and a generator run of a scenario mix against it; the traffic report is left in the folder.
/// </summary>
public static class DemoWorld
{
    /// <summary>The node signs its SMS with this and the sink checks it, as a real gateway would.</summary>
    public const string SmsSecret = "demo-sms-secret";

    /// <summary>The embedded defaults' plan, which the demo merchant is charged under; the provisioned merchants keep it.</summary>
    public const string FeePlan = "std-2026";

    private static readonly TimeSpan LinkWait = TimeSpan.FromSeconds(30);

    /// <param name="liveConsole">Show the run's progress on this process's console (the command does; tests do not).</param>
    public static async Task<RunResults> RunAsync(DemoOptions options, ILogger log, bool liveConsole, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        Directory.CreateDirectory(options.DataDirectory);
        var primary = new AcquirerSimulator(new AcquirerSimulatorOptions { LedgerPath = Path.Combine(options.DataDirectory, "acq-a.jsonl") }, log);
        await using (primary.ConfigureAwait(false))
        {
            var secondary = new AcquirerSimulator(new AcquirerSimulatorOptions { LedgerPath = Path.Combine(options.DataDirectory, "acq-b.jsonl") }, log);
            await using (secondary.ConfigureAwait(false))
            {
                var sink = new SmsSink(new SmsSinkOptions
                {
                    Listen = new IPEndPoint(IPAddress.Loopback, 0),
                    Secret = SmsSecret,
                    OnReceived = sms => log.Debug("Demo: SMS to {Phone} for challenge {ChallengeId}", sms.MaskedPhone, sms.ChallengeId),
                });
                await using (sink.ConfigureAwait(false))
                {
                    primary.Start();
                    secondary.Start();
                    await sink.StartAsync(cancellation).ConfigureAwait(false);
                    var results = await RunNodeAsync(options, [("acq-a", primary.LocalEndPoint), ("acq-b", secondary.LocalEndPoint)], sink, log, liveConsole, cancellation).ConfigureAwait(false);
                    log.Information(
                        "Demo done: acquirers saw {Primary} and {Secondary} messages, {Sms} SMS reached the sink; report in {Report}",
                        primary.Ledger.Entries.Count, secondary.Ledger.Entries.Count, sink.Stats.Received, Path.GetFullPath(options.ReportDirectory));
                    return results;
                }
            }
        }
    }

    private static async Task<RunResults> RunNodeAsync(
        DemoOptions options, (string, IPEndPoint)[] acquirers, SmsSink sink, ILogger log, bool liveConsole, CancellationToken cancellation)
    {
        var sms = $"switch.sms {{ webhook-url = \"{sink.WebhookUrl}\", secret = \"{SmsSecret}\" }}";
        var config = SwitchConfiguration.Load([WorldOverlay.Write(options.DataDirectory, options.Terminals, acquirers, sms)]);
        var settings = SwitchSettingsReader.Read(config);
        var node = await SwitchNode.StartAsync(config, settings, log, cancellation).ConfigureAwait(false);
        await using (node.ConfigureAwait(false))
        {
            using (var linkWait = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
            {
                linkWait.CancelAfter(LinkWait);
                await node.WaitForRouteAsync(acquirer: null, linkWait.Token).ConfigureAwait(false);
            }

            var load = Load(options, node.TerminalEndPoint, sink);
            using (var admin = new AdminClient(new Uri($"http://{node.AdminEndPoint}"), settings.Admin.Token))
            {
                await Provisioner.ProvisionAsync(admin, load, FeePlan, log, cancellation).ConfigureAwait(false);
            }

            log.Information(
                "Demo: {Terminals} terminals at {Rate}/s for {Duration}, scenarios {Mix}; try GET http://{Admin}/api/transactions/{{rrn}} with 'Authorization: Bearer {Token}'",
                options.Terminals, options.Rate, options.Duration, load.Scenarios!.Mix, node.AdminEndPoint, settings.Admin.Token);
            var results = liveConsole
                ? await ConsoleRun.RunAsync(load, log, cancellation).ConfigureAwait(false)
                : await TrafficRun.RunAsync(load, log, cancellation).ConfigureAwait(false);
            await ReportWriter.WriteAsync(results, options.ReportDirectory, cancellation).ConfigureAwait(false);
            return results;
        }
    }

    private static RunOptions Load(DemoOptions options, IPEndPoint target, SmsSink sink)
    {
        var rampUp = TimeSpan.FromSeconds(Math.Min(2, options.Duration.TotalSeconds / 4));
        var mix = options.ScenarioMix;
        return new RunOptions
        {
            Target = target,
            Terminals = options.Terminals,
            Rate = options.Rate,
            Duration = options.Duration,
            RampUp = rampUp,
            Scenarios = new ScenarioOptions
            {
                Mix = mix,
                // One challenged flow per card, so the demo can run again within the hour (a card opens at most 5 challenges an hour).
                ChallengeCards = mix.HasChallenges ? ChallengeCards.Needed(mix, options.Rate, rampUp + options.Duration, flowsPerCard: 1) : 1,
                Sms = sink,
            },
        };
    }
}
