using System.Globalization;
using System.Net;
using System.Text;
using Serilog;
using Switch.Host.Configuration;
using Switch.Host.Hosting;
using Switch.Host.Tls;
using Switch.Traffic.Acquirer;
using Switch.Traffic.Generator;

namespace Switch.Host.Demo;

/// <summary>
/// The same load, closed loop at the maximum and open loop at a fixed rate, on three paths: the
/// generator straight against the acquirer simulator (the transport's ceiling on this machine),
/// then through a node with the in-memory journal, then through a node with the SQLite journal;
/// with <see cref="BenchmarkOptions.Tls"/>, last through a node with the in-memory journal and TLS
/// on its terminal port (a certificate of a throwaway CA, which the generator trusts).
/// </summary>
public static class EndToEndBenchmark
{
    public const string Ceiling = "generator → simulator";
    public const string InMemory = "switch, in-memory journal";
    public const string Sqlite = "switch, SQLite journal";
    public const string InMemoryTls = "switch, in-memory journal, TLS terminals";

    public static async Task<IReadOnlyList<BenchmarkRow>> RunAsync(BenchmarkOptions options, ILogger log, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var simulator = new AcquirerSimulator(new AcquirerSimulatorOptions(), log);
        await using (simulator.ConfigureAwait(false))
        {
            simulator.Start();
            var ceiling = await MeasureAsync(Ceiling, simulator.LocalEndPoint, options, log, cancellation).ConfigureAwait(false);
            var inMemory = await ThroughNodeAsync(InMemory, "in-memory", SwitchConfiguration.Embedded("bench-inmem.conf"), simulator, options, tls: null, log, cancellation).ConfigureAwait(false);
            var sqlite = await ThroughNodeAsync(Sqlite, "sqlite", string.Empty, simulator, options, tls: null, log, cancellation).ConfigureAwait(false);
            if (!options.Tls)
            {
                return [ceiling, inMemory, sqlite];
            }

            var directory = Path.Combine(options.DataDirectory, "in-memory-tls");
            using var authority = new ThrowawayAuthority("Switch benchmark CA");
            var overlay = SwitchConfiguration.Embedded("bench-inmem.conf") + "\n" + TlsOverlay(authority, directory);
            var terminalTls = new ClientTlsOptions(ServerName: null, [authority.Certificate]);
            var withTls = await ThroughNodeAsync(InMemoryTls, "in-memory-tls", overlay, simulator, options, terminalTls, log, cancellation).ConfigureAwait(false);
            return [ceiling, inMemory, sqlite, withTls];
        }
    }

    /// <summary>A markdown table of the rows, with each switch path's throughput as a share of the ceiling's.</summary>
    public static string Table(IReadOnlyList<BenchmarkRow> rows, BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        var ceiling = rows[0].ClosedLoop.Tps;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"| path ({options.Terminals} terminals) | closed-loop TPS | p50 | p99 | of ceiling | open loop {options.Rate:0}/s: TPS | p50 | p99 |\n");
        table.Append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var row in rows)
        {
            var share = ceiling > 0 ? (row.ClosedLoop.Tps / ceiling).ToString("P0", CultureInfo.InvariantCulture) : "-";
            table.Append(CultureInfo.InvariantCulture, $"| {row.Path} | {row.ClosedLoop.Tps:N0} | {Millis(row.ClosedLoop.LatencyMicros.P50)} | {Millis(row.ClosedLoop.LatencyMicros.P99)} | {share} | {row.OpenLoop.Tps:N0} | {Millis(row.OpenLoop.LatencyMicros.P50)} | {Millis(row.OpenLoop.LatencyMicros.P99)} |\n");
        }

        return table.ToString();
    }

    /// <summary>Warm-up, closed loop, open loop: each with terminals of its own, so no run repeats another's TID and STAN (the switch would answer those as retransmissions).</summary>
    private const int RunsPerPath = 3;

    private static string Millis(long micros) => string.Create(CultureInfo.InvariantCulture, $"{micros / 1000.0:0.0} ms");

    /// <summary>The terminal port's TLS with a server certificate for 127.0.0.1, written beside the node's journal.</summary>
    private static string TlsOverlay(ThrowawayAuthority authority, string directory)
    {
        Directory.CreateDirectory(directory);
        var certificateFile = Path.GetFullPath(Path.Combine(directory, "terminal-port.pem"));
        var keyFile = Path.GetFullPath(Path.Combine(directory, "terminal-port.key"));
        using var server = authority.IssueServer("localhost", "localhost", "127.0.0.1");
        ThrowawayAuthority.WritePem(server, certificateFile, keyFile);
        return $"switch.terminals.tls {{ enabled = on, certificate-file = \"{certificateFile}\", key-file = \"{keyFile}\" }}";
    }

    private static async Task<BenchmarkRow> ThroughNodeAsync(
        string path, string folder, string extra, AcquirerSimulator simulator, BenchmarkOptions options, ClientTlsOptions? tls, ILogger log, CancellationToken cancellation)
    {
        var directory = Path.Combine(options.DataDirectory, folder);
        var config = SwitchConfiguration.Load([WorldOverlay.Write(directory, RunsPerPath * options.Terminals, [("acq-a", simulator.LocalEndPoint)], extra)]);
        var node = await SwitchNode.StartAsync(config, SwitchSettingsReader.Read(config), log, cancellation).ConfigureAwait(false);
        await using (node.ConfigureAwait(false))
        {
            await node.WaitForRouteAsync(acquirer: null, cancellation).ConfigureAwait(false);
            return await MeasureAsync(path, node.TerminalEndPoint, options, log, cancellation, tls).ConfigureAwait(false);
        }
    }

    private static async Task<BenchmarkRow> MeasureAsync(string path, IPEndPoint target, BenchmarkOptions options, ILogger log, CancellationToken cancellation, ClientTlsOptions? tls = null)
    {
        var load = new RunOptions { Target = target, Terminals = options.Terminals, Duration = options.Duration, Tls = tls };
        log.Information("Benchmark {Path}: warming up for {WarmUp}", path, options.WarmUp);
        await TrafficRun.RunAsync(load with { Duration = options.WarmUp }, log, cancellation).ConfigureAwait(false);
        var closed = await TrafficRun.RunAsync(load with { FirstTerminal = 1 + options.Terminals }, log, cancellation).ConfigureAwait(false);
        var open = await TrafficRun.RunAsync(load with { FirstTerminal = 1 + (2 * options.Terminals), Rate = options.Rate }, log, cancellation).ConfigureAwait(false);
        log.Information("Benchmark {Path}: {ClosedTps:0} TPS closed loop, open loop at {Rate}/s p99 {OpenP99} us", path, closed.Tps, options.Rate, open.LatencyMicros.P99);
        return new BenchmarkRow(path, closed, open);
    }
}
