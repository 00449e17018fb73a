using System.CommandLine;
using System.Text.Json;
using Switch.Fuzz.Engine;
using Switch.Fuzz.Targets;

namespace Switch.Fuzz.Cli;

/// <summary>
/// <c>fuzz --target NAME|all [--seconds 10] [--executions N] [--corpus DIR] [--save-corpus DIR]</c>:
/// replays each target's corpus, then fuzzes it in process for the budget. Exit 1 on a crash.
/// </summary>
internal static class FuzzCommand
{
    public static Command Create()
    {
        var target = FuzzCli.TargetOption();
        var seconds = new Option<double>("--seconds") { Description = "time budget per target", DefaultValueFactory = _ => 10 };
        var executions = new Option<long>("--executions") { Description = "execution budget per target", DefaultValueFactory = _ => long.MaxValue };
        var corpus = new Option<string>("--corpus") { Description = "folder holding a corpus folder per target", DefaultValueFactory = _ => Path.Combine(AppContext.BaseDirectory, "Corpus") };
        var crashes = new Option<string>("--crashes") { Description = "where crashing inputs are saved", DefaultValueFactory = _ => "fuzz-crashes" };
        var save = new Option<string?>("--save-corpus") { Description = "folder to add the session's coverage-minimized queue to (a folder per target)" };
        var maxSaved = new Option<int>("--max-corpus") { Description = "at most this many inputs saved per target", DefaultValueFactory = _ => 20 };
        var seed = new Option<int?>("--seed") { Description = "seed of the mutations (default: from the clock, printed)" };
        var report = new Option<string?>("--report") { Description = "JSON file of the sessions' results" };

        var command = new Command("fuzz", "Replay the corpus, then fuzz in process with SharpFuzz's coverage map.")
        {
            target, seconds, executions, corpus, crashes, save, maxSaved, seed, report,
        };
        command.SetAction(result =>
        {
            if (FuzzCli.ResolveTargets(result.GetValue(target)!) is not { } names)
            {
                return FuzzCli.BadArguments;
            }

            var budget = new FuzzBudget(TimeSpan.FromSeconds(result.GetValue(seconds)), result.GetValue(executions));
            var mutationSeed = result.GetValue(seed) ?? Environment.TickCount;
            Console.WriteLine($"seed {mutationSeed}, {budget.Duration.TotalSeconds:F0} s per target");
            var results = new List<FuzzResult>();
            foreach (var name in names)
            {
                var fuzzTarget = FuzzTargets.Create(name);
                var session = new FuzzSession(fuzzTarget, mutationSeed, new CorpusFiles(result.GetValue(crashes)!));
                var outcome = session.Run(new CorpusFiles(Path.Combine(result.GetValue(corpus)!, name)).Load(), budget);
                results.Add(outcome);
                Console.WriteLine(outcome.Summary);
                if (outcome.Crash is not null)
                {
                    Console.WriteLine($"{name}: crash saved to {outcome.CrashFile}\n{outcome.Crash}");
                }
                else if (result.GetValue(save) is { } saveTo)
                {
                    var into = new CorpusFiles(Path.Combine(saveTo, name));
                    var saved = session.Minimized(result.GetValue(maxSaved));
                    foreach (var input in saved)
                    {
                        into.Save("found", input);
                    }

                    Console.WriteLine($"{name}: {saved.Count} inputs covering the queue's edges saved to {into.Directory}");
                }
            }

            if (result.GetValue(report) is { } reportPath)
            {
                File.WriteAllText(reportPath, JsonSerializer.Serialize(results, ReportJson.Options));
            }

            var total = results.Sum(r => r.Executions);
            Console.WriteLine($"fuzz executions run: {total:N0}; crashes: {results.Count(r => r.Crash is not null)}");
            return results.Any(r => r.Crash is not null) ? FuzzCli.Found : 0;
        });
        return command;
    }
}
