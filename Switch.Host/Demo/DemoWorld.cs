using Serilog;
using Switch.Host.Configuration;
using Switch.Host.Hosting;
using Switch.Traffic.Acquirer;
using Switch.Traffic.Generator;
using Switch.Traffic.Live;

namespace Switch.Host.Demo;

/// <summary>
/// The whole world in one process: two simulated acquirers, a switch node on the embedded defaults
/// (SQLite in the demo's folder), and a generator run of simulated terminals against it; the
/// traffic report is left in the folder.
/// </summary>
public static class DemoWorld
{
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
                primary.Start();
                secondary.Start();
                var config = SwitchConfiguration.Load([WorldOverlay.Write(
                    options.DataDirectory,
                    options.Terminals,
                    [("acq-a", primary.LocalEndPoint), ("acq-b", secondary.LocalEndPoint)])]);
                var node = await SwitchNode.StartAsync(config, SwitchSettingsReader.Read(config), log, cancellation).ConfigureAwait(false);
                await using (node.ConfigureAwait(false))
                {
                    using (var linkWait = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
                    {
                        linkWait.CancelAfter(LinkWait);
                        await node.WaitForRouteAsync(acquirer: null, linkWait.Token).ConfigureAwait(false);
                    }

                    log.Information(
                        "Demo: {Terminals} terminals at {Rate}/s for {Duration}; try GET http://{Admin}/api/transactions/{{rrn}} with 'Authorization: Bearer change-me'",
                        options.Terminals, options.Rate, options.Duration, node.AdminEndPoint);
                    var load = new RunOptions
                    {
                        Target = node.TerminalEndPoint,
                        Terminals = options.Terminals,
                        Rate = options.Rate,
                        Duration = options.Duration,
                        RampUp = TimeSpan.FromSeconds(Math.Min(2, options.Duration.TotalSeconds / 4)),
                    };
                    var results = liveConsole
                        ? await ConsoleRun.RunAsync(load, log, cancellation).ConfigureAwait(false)
                        : await TrafficRun.RunAsync(load, log, cancellation).ConfigureAwait(false);
                    await ReportWriter.WriteAsync(results, options.ReportDirectory, cancellation).ConfigureAwait(false);
                    log.Information(
                        "Demo done: acquirers saw {Primary} and {Secondary} messages; report in {Report}",
                        primary.Ledger.Entries.Count, secondary.Ledger.Entries.Count, Path.GetFullPath(options.ReportDirectory));
                    return results;
                }
            }
        }
    }
}
