using System.CommandLine;
using Serilog;
using Switch.Host.Demo;
using Switch.Traffic.Cli;

namespace Switch.Host.Cli;

/// <summary>
/// <c>attack-bench [--terminals 50] [--rate 300] [--connections 200] [--warm-up 10s] [--duration 20s]</c>:
/// a normal fleet's latency alone and during each attack on the terminal port.
/// </summary>
public static class AttackBenchCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var terminals = new Option<int>("--terminals") { Description = "the normal fleet's terminals", DefaultValueFactory = _ => 50 };
        var rate = new Option<double>("--rate") { Description = "the fleet's requests per second (open loop)", DefaultValueFactory = _ => 300 };
        var connections = new Option<int>("--connections") { Description = "each attack's connections at once", DefaultValueFactory = _ => 200 };
        var warmUp = new Option<string>("--warm-up") { Description = "closed-loop run before the measurements", DefaultValueFactory = _ => "10s" };
        var duration = new Option<string>("--duration") { Description = "each measured run, and each attack", DefaultValueFactory = _ => "20s" };
        var data = new Option<string>("--data") { Description = "folder for the node's files and results.md", DefaultValueFactory = _ => Path.Combine("data", "attack-bench") };
        var command = new Command("attack-bench", "Measure a normal fleet's latency alone and while each attack runs against the same terminal port.")
        {
            terminals, rate, connections, warmUp, duration, data,
        };
        command.SetAction(async (result, cancellation) =>
        {
            if (!Durations.TryParse(result.GetValue(warmUp), out var warm) || warm <= TimeSpan.Zero
                || !Durations.TryParse(result.GetValue(duration), out var measure) || measure <= TimeSpan.Zero
                || result.GetValue(terminals) is < 1 or > 1000 || result.GetValue(connections) is < 1 or > 10_000
                || result.GetValue(rate) is var perSecond && (!double.IsFinite(perSecond) || perSecond <= 0))
            {
                await errors.WriteLineAsync("--warm-up, --duration: positive durations; --terminals: 1..1000; --connections: 1..10000; --rate: positive").ConfigureAwait(false);
                return ExitCodes.BadArguments;
            }

            var options = new BenchmarkOptions(result.GetValue(data)!, result.GetValue(terminals), warm, measure, perSecond);
            var rows = await AttackBenchmark.RunAsync(options, result.GetValue(connections), Log.Logger, cancellation).ConfigureAwait(false);
            var table = AttackBenchmark.Table(rows, options);
            await File.WriteAllTextAsync(Path.Combine(options.DataDirectory, "attack-results.md"), table, cancellation).ConfigureAwait(false);
            await output.WriteLineAsync(table).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
