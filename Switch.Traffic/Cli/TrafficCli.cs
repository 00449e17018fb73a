using System.CommandLine;

namespace Switch.Traffic.Cli;

/// <summary>The command line, callable in-process (tests use it to check exit codes).</summary>
internal static class TrafficCli
{
    // A run stopped with Ctrl+C still waits for its last answers and writes its report.
    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(30);

    /// <param name="error">Where usage errors and an unhandled exception are written; the console's when null.</param>
    public static async Task<int> InvokeAsync(string[] args, TextWriter? error = null)
    {
        error ??= Console.Error;
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
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message).ConfigureAwait(false);
            }

            return Usage.BadArguments;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = GracefulStop, Error = error }).ConfigureAwait(false);
    }
}
