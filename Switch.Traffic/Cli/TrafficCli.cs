using System.CommandLine;

namespace Switch.Traffic.Cli;

/// <summary>The command line, callable in-process (tests use it to check exit codes).</summary>
internal static class TrafficCli
{
    // A run stopped with Ctrl+C still waits for its last answers and writes its report.
    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(30);

    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("Switch traffic: the generator and the simulated world (acquirers, SMS sink).")
        {
            AcquirerCommand.Create(),
            AttackCommand.Create(),
            RunCommand.Create(),
            SmsSinkCommand.Create(),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            return Usage.BadArguments;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = GracefulStop }).ConfigureAwait(false);
    }
}
