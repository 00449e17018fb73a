using System.CommandLine;
using Switch.Fuzz.Engine;
using Switch.Fuzz.Targets;

namespace Switch.Fuzz.Cli;

/// <summary><c>replay --target NAME PATH...</c>: runs saved inputs (files or folders) once each, to reproduce a crash.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var target = FuzzCli.TargetOption();
        var paths = new Argument<string[]>("paths") { Description = "input files or folders", Arity = ArgumentArity.OneOrMore };
        var command = new Command("replay", "Run saved inputs once each and report any that crash.") { target, paths };
        command.SetAction(result =>
        {
            if (FuzzCli.ResolveTargets(result.GetValue(target)!) is not { } names)
            {
                return FuzzCli.BadArguments;
            }

            var inputs = result.GetValue(paths)!
                .SelectMany(p => Directory.Exists(p) ? new CorpusFiles(p).Load() : [File.ReadAllBytes(p)])
                .ToList();
            var crashes = 0;
            foreach (var name in names)
            {
                var fuzzTarget = FuzzTargets.Create(name);
                foreach (var input in inputs)
                {
                    try
                    {
                        fuzzTarget.Run(input);
                    }
#pragma warning disable CA1031 // Whatever escapes the target is what replay reports.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        crashes++;
                        Console.WriteLine($"{name}: {Convert.ToHexString(input)}\n{ex}");
                    }
                }
            }

            Console.WriteLine($"{inputs.Count} inputs, {names.Count} targets, {crashes} crashes");
            return crashes == 0 ? 0 : FuzzCli.Found;
        });
        return command;
    }
}
