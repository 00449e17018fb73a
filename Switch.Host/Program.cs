using System.CommandLine;
using Serilog;
using Serilog.Events;
using Switch.Host.Cli;

Log.Logger = new LoggerConfiguration()
    .MinimumLevel.Information()
    .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
    .Enrich.FromLogContext()
    .WriteTo.Console(
        outputTemplate: "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {Message:lj}{NewLine}{Exception}",
        formatProvider: System.Globalization.CultureInfo.InvariantCulture)
    .CreateLogger();

try
{
    var root = new RootCommand("Switch: an ISO 8583 card authorization switch.")
    {
        RunCommand.Create(Console.Error),
        DemoCommand.Create(Console.Out, Console.Error),
        BenchCommand.Create(Console.Out, Console.Error),
        AttackBenchCommand.Create(Console.Out, Console.Error),
    };
    var parsed = root.Parse(args);
    if (parsed.Errors.Count > 0)
    {
        foreach (var error in parsed.Errors)
        {
            await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
        }

        return ExitCodes.BadArguments;
    }

    return await parsed.InvokeAsync().ConfigureAwait(false);
}
finally
{
    await Log.CloseAndFlushAsync().ConfigureAwait(false);
}
