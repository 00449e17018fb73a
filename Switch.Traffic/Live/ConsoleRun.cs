using Serilog;
using Spectre.Console;
using Switch.Traffic.Generator;

namespace Switch.Traffic.Live;

/// <summary>A generator run that shows its progress on this process's console.</summary>
public static class ConsoleRun
{
    // A table redrawn in place only makes sense on a terminal; redirected output gets a line a second.
    public static async Task<RunResults> RunAsync(RunOptions options, ILogger log, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await TrafficRun.RunAsync(options, log, new PlainProgress(Console.Out), cancellation).ConfigureAwait(false);
        }

        var live = new LiveConsoleProgress(AnsiConsole.Console, $"{options.Terminals} terminals to {options.Target}, {TrafficRun.Mode(options)}");
        await using (live.ConfigureAwait(false))
        {
            return await TrafficRun.RunAsync(options, log, live, cancellation).ConfigureAwait(false);
        }
    }
}
