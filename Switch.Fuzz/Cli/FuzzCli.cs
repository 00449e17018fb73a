using System.CommandLine;
using Switch.Fuzz.Engine;
using Switch.Fuzz.Instrumentation;

namespace Switch.Fuzz.Cli;

/// <summary>The command line; <see cref="Invoke"/> runs inside the instrumented load context.</summary>
public static class FuzzCli
{
    public const int Found = 1;
    public const int BadArguments = 2;

    public static int Invoke(string[] args)
    {
        if (!InstrumentedContext.IsActive)
        {
            Console.Error.WriteLine("switch-fuzz: not running in the instrumented context; start it through Program");
            return Found;
        }

        CoverageMap.Install();
        var root = new RootCommand("Coverage-guided fuzzing of the ISO 8583 codec and the frame reader.")
        {
            FuzzCommand.Create(),
            ReplayCommand.Create(),
            LibFuzzerCommand.Create(),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine(error.Message);
            }

            return BadArguments;
        }

        return parsed.Invoke();
    }

    /// <summary>The target names a command was given, <c>all</c> standing for every target.</summary>
    internal static Option<string[]> TargetOption() => new("--target")
    {
        Description = $"target name, or all: {string.Join(", ", Targets.FuzzTargets.Names)}",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    internal static IReadOnlyList<string>? ResolveTargets(string[] given)
    {
        var names = given.Contains("all") ? Targets.FuzzTargets.Names : given;
        var unknown = names.Where(n => !Targets.FuzzTargets.Names.Contains(n)).ToList();
        if (unknown.Count == 0)
        {
            return names;
        }

        Console.Error.WriteLine($"--target: unknown {string.Join(", ", unknown)} (known: {string.Join(", ", Targets.FuzzTargets.Names)}, all)");
        return null;
    }
}
