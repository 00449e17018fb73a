using System.CommandLine;
using Serilog;
using Switch.Host.Demo;
using Switch.Traffic.Cli;

namespace Switch.Host.Cli;

/// <summary><c>bench [--terminals 50] [--warm-up 20s] [--duration 30s] [--rate 300] [--data data/bench] [--tls]</c>: the end-to-end benchmark.</summary>
public static class BenchCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var terminals = new Option<int>("--terminals") { Description = "simulated terminals on every path", DefaultValueFactory = _ => 50 };
        var warmUp = new Option<string>("--warm-up") { Description = "closed-loop run before each path's measurements", DefaultValueFactory = _ => "20s" };
        var duration = new Option<string>("--duration") { Description = "each measured run", DefaultValueFactory = _ => "30s" };
        var rate = new Option<double>("--rate") { Description = "the open-loop run's requests per second", DefaultValueFactory = _ => 300 };
        var data = new Option<string>("--data") { Description = "folder for the journals and results.md", DefaultValueFactory = _ => Path.Combine("data", "bench") };
        var tls = new Option<bool>("--tls") { Description = "one path more: the in-memory journal with TLS on the terminal port" };
        var command = new Command("bench", "Measure the generator against the simulator, then through the switch with the in-memory and the SQLite journal.")
        {
            terminals, warmUp, duration, rate, data, tls,
        };
        command.SetAction(async (result, cancellation) =>
        {
            if (!Durations.TryParse(result.GetValue(warmUp), out var warm) || warm <= TimeSpan.Zero
                || !Durations.TryParse(result.GetValue(duration), out var measure) || measure <= TimeSpan.Zero)
            {
                await errors.WriteLineAsync("--warm-up, --duration: positive durations such as 20s or 2m").ConfigureAwait(false);
                return ExitCodes.BadArguments;
            }

            if (result.GetValue(terminals) is < 1 or > 3000 || result.GetValue(rate) is var perSecond && (!double.IsFinite(perSecond) || perSecond <= 0))
            {
                await errors.WriteLineAsync("--terminals: 1..3000; --rate: a positive number of requests per second").ConfigureAwait(false);
                return ExitCodes.BadArguments;
            }

            var options = new BenchmarkOptions(result.GetValue(data)!, result.GetValue(terminals), warm, measure, perSecond, result.GetValue(tls));
            var rows = await EndToEndBenchmark.RunAsync(options, Log.Logger, cancellation).ConfigureAwait(false);
            var table = EndToEndBenchmark.Table(rows, options);
            await File.WriteAllTextAsync(Path.Combine(options.DataDirectory, "results.md"), table, cancellation).ConfigureAwait(false);
            await output.WriteLineAsync(table).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
