using System.CommandLine;
using SharpFuzz;
using Switch.Fuzz.Targets;

namespace Switch.Fuzz.Cli;

/// <summary>
/// <c>libfuzzer --target NAME</c>: serves one target to libFuzzer through SharpFuzz's libfuzzer-dotnet
/// bridge, for long runs with libFuzzer's own mutations, dictionary and parallel jobs (README, Fuzzing).
/// The bridge passes a single argument, so the target may come from <c>SWITCH_FUZZ_TARGET</c> instead.
/// </summary>
internal static class LibFuzzerCommand
{
    public static Command Create()
    {
        var target = FuzzCli.TargetOption();
        target.Required = false;
        target.DefaultValueFactory = _ => [Environment.GetEnvironmentVariable("SWITCH_FUZZ_TARGET") ?? string.Empty];
        var command = new Command("libfuzzer", "Run one target under libfuzzer-dotnet (started by it, not by hand).") { target };
        command.SetAction(result =>
        {
            if (FuzzCli.ResolveTargets(result.GetValue(target)!) is not [var name])
            {
                Console.Error.WriteLine("--target: exactly one target");
                return FuzzCli.BadArguments;
            }

            var fuzzTarget = FuzzTargets.Create(name);
            Fuzzer.LibFuzzer.Run(input => fuzzTarget.Run(input));
            return 0;
        });
        return command;
    }
}
