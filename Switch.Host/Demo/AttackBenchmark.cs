using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Serilog;
using Switch.Host.Configuration;
using Switch.Host.Hosting;
using Switch.Traffic.Acquirer;
using Switch.Traffic.Attack;
using Switch.Traffic.Generator;

namespace Switch.Host.Demo;

/// <summary>
/// A normal fleet's latency while the terminal port is under attack: one node (in-memory journal)
/// behind an acquirer simulator; a closed-loop warm-up; the fleet open loop at a fixed rate alone;
/// then the same fleet again during each attack of <see cref="AttackKind"/>, the attack starting once
/// every terminal has signed on, from a process of its own. Each run has terminals of its own. The node allows the fleet plus
/// half the attack's connections, so the connection flood meets the node limit.
/// </summary>
public static class AttackBenchmark
{
    public sealed record Row(string Scenario, int Connections, RunResults Fleet, AttackResults? Attack, string SwitchActions);

    public static async Task<IReadOnlyList<Row>> RunAsync(BenchmarkOptions options, int attackConnections, ILogger log, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var kinds = Enum.GetValues<AttackKind>();
        var simulator = new AcquirerSimulator(new AcquirerSimulatorOptions(), log);
        await using (simulator.ConfigureAwait(false))
        {
            simulator.Start();
            var limits = $"switch.terminals.max-connections = {options.Terminals + (attackConnections / 2)}\n{SwitchConfiguration.Embedded("bench-inmem.conf")}";
            var overlay = WorldOverlay.Write(Path.Combine(options.DataDirectory, "attack"), (kinds.Length + 2) * options.Terminals, [("acq-a", simulator.LocalEndPoint)], limits);
            var config = SwitchConfiguration.Load([overlay]);
            var node = await SwitchNode.StartAsync(config, SwitchSettingsReader.Read(config), log, cancellation).ConfigureAwait(false);
            await using (node.ConfigureAwait(false))
            {
                await node.WaitForRouteAsync(acquirer: null, cancellation).ConfigureAwait(false);
                var fleet = new RunOptions { Target = node.TerminalEndPoint, Terminals = options.Terminals, Duration = options.WarmUp };
                await TrafficRun.RunAsync(fleet, log, cancellation).ConfigureAwait(false);
                fleet = fleet with { Rate = options.Rate, Duration = options.Duration };
                var rows = new List<Row>();
                using (var actions = new TerminalPortActions())
                {
                    var alone = await TrafficRun.RunAsync(fleet with { FirstTerminal = 1 + options.Terminals }, log, cancellation).ConfigureAwait(false);
                    rows.Add(new Row("none", 0, alone, null, actions.Describe()));
                }

                for (var i = 0; i < kinds.Length; i++)
                {
                    var attack = new AttackOptions { Target = node.TerminalEndPoint, Kind = kinds[i], Connections = attackConnections, Duration = options.Duration };
                    rows.Add(await UnderAttackAsync(fleet with { FirstTerminal = 1 + ((i + 2) * options.Terminals) }, attack, log, cancellation).ConfigureAwait(false));
                }

                return rows;
            }
        }
    }

    /// <summary>A markdown table: each scenario's fleet latency beside the fleet's alone, and what the switch did.</summary>
    public static string Table(IReadOnlyList<Row> rows, BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        var alone = rows[0].Fleet.LatencyMicros;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"| attack | attack size | fleet p50 / p99 alone | fleet p50 / p99 under attack | fleet approved / errors | what the switch did |\n");
        table.Append("|---|---|---:|---:|---:|---|\n");
        foreach (var row in rows)
        {
            var fleet = row.Fleet;
            var size = row.Attack is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{row.Connections} connections ({row.Attack.Connected:N0} made, {row.Attack.FramesSent:N0} frames)");
            table.Append(CultureInfo.InvariantCulture, $"| {row.Scenario} | {size} | {Millis(alone.P50)} / {Millis(alone.P99)} | {Millis(fleet.LatencyMicros.P50)} / {Millis(fleet.LatencyMicros.P99)} | {fleet.ResponseCodes.GetValueOrDefault("00"):N0} / {fleet.Timeouts + fleet.ConnectionLosses + fleet.Unreadable + fleet.SignOnFailures.Count} | {row.SwitchActions} |\n");
        }

        return table.ToString();
    }

    /// <summary>
    /// The attack runs as <c>Switch.Traffic attack</c> in a process of its own, as a real attacker
    /// would: in the node's process its send loops would take the node's thread pool, not its port.
    /// </summary>
    private static async Task<Row> UnderAttackAsync(RunOptions fleet, AttackOptions attack, ILogger log, CancellationToken cancellation)
    {
        using var actions = new TerminalPortActions();
        var signedOn = new FleetSignedOn();
        var running = TrafficRun.RunAsync(fleet, log, signedOn, cancellation);
        await signedOn.Task.WaitAsync(cancellation).ConfigureAwait(false);
        log.Information("Attack benchmark: {Kind} with {Connections} connections", attack.Kind.Name(), attack.Connections);
        var outcome = await AttackProcessAsync(attack, cancellation).ConfigureAwait(false);
        var results = await running.ConfigureAwait(false);
        log.Information("{Summary}; fleet p99 {P99} us", outcome.Summary, results.LatencyMicros.P99);
        return new Row(attack.Kind.Name(), attack.Connections, results, outcome, actions.Describe());
    }

    private static async Task<AttackResults> AttackProcessAsync(AttackOptions attack, CancellationToken cancellation)
    {
        var report = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
            foreach (var argument in (string[])[
                Path.Combine(AppContext.BaseDirectory, "Switch.Traffic.dll"), "attack", "--target", attack.Target.ToString(), "--kind", attack.Kind.Name(),
                "--connections", attack.Connections.ToString(CultureInfo.InvariantCulture),
                "--duration", string.Create(CultureInfo.InvariantCulture, $"{attack.Duration.TotalSeconds}s"), "--report", report])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellation);
            await process.WaitForExitAsync(cancellation).ConfigureAwait(false);
            return process.ExitCode == 0
                ? JsonSerializer.Deserialize<AttackResults>(await File.ReadAllTextAsync(report, cancellation).ConfigureAwait(false))!
                : throw new InvalidOperationException($"the attack process exited {process.ExitCode}: {await output.ConfigureAwait(false)}");
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static string Millis(long micros) => string.Create(CultureInfo.InvariantCulture, $"{micros / 1000.0:0.0} ms");
}
