using System.CommandLine;
using Serilog;
using Switch.Traffic.Cli;

Log.Logger = new LoggerConfiguration()
    .MinimumLevel.Information()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
    .CreateLogger();

try
{
    var root = new RootCommand("Switch traffic: the generator and the simulated world (acquirers, SMS sink).")
    {
        AcquirerCommand.Create(),
    };
    var parsed = root.Parse(args);
    if (parsed.Errors.Count > 0)
    {
        foreach (var error in parsed.Errors)
        {
            Console.Error.WriteLine(error.Message);
        }

        return Usage.BadArguments;
    }

    return await parsed.InvokeAsync().ConfigureAwait(false);
}
finally
{
    await Log.CloseAndFlushAsync().ConfigureAwait(false);
}
