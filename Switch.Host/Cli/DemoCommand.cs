using System.CommandLine;
using Serilog;
using Switch.Host.Configuration;
using Switch.Host.Demo;
using Switch.Traffic.Cli;
using Switch.Traffic.Generator;
using Switch.Traffic.Provisioning;
using Switch.Traffic.Scenarios;

namespace Switch.Host.Cli;

/// <summary><c>demo [--duration 30s] [--terminals 20] [--rate 200] [--mix ...] [--data data/demo]</c>: the switch, simulated acquirers, the SMS sink and a generator run, in one process.</summary>
public static class DemoCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var duration = new Option<string>("--duration") { Description = "how long the terminals send (30s, 2m)", DefaultValueFactory = _ => "30s" };
        var terminals = new Option<int>("--terminals") { Description = "simulated terminals", DefaultValueFactory = _ => 20 };
        var rate = new Option<double>("--rate") { Description = "flows (purchases, challenged purchases, ...) per second over all terminals", DefaultValueFactory = _ => 200 };
        var mix = new Option<string>("--mix") { Description = $"scenario weights ({ScenarioNames.Names})", DefaultValueFactory = _ => DemoOptions.DefaultMixText };
        var data = new Option<string>("--data") { Description = "folder for the journal, the acquirers' ledgers and the report", DefaultValueFactory = _ => Path.Combine("data", "demo") };
        var command = new Command("demo", "Run the switch with simulated acquirers and terminals, and leave a traffic report.") { duration, terminals, rate, mix, data };
        command.SetAction(async (result, cancellation) =>
        {
            if (!Durations.TryParse(result.GetValue(duration), out var sendFor) || sendFor <= TimeSpan.Zero)
            {
                return await FailAsync(errors, $"--duration: '{result.GetValue(duration)}' is not a positive duration (e.g. 30s, 2m)").ConfigureAwait(false);
            }

            if (result.GetValue(terminals) is < 1 or > 9999)
            {
                return await FailAsync(errors, "--terminals: must be 1..9999").ConfigureAwait(false);
            }

            if (result.GetValue(rate) is var perSecond && (!double.IsFinite(perSecond) || perSecond <= 0))
            {
                return await FailAsync(errors, "--rate: must be a positive number of purchases per second").ConfigureAwait(false);
            }

            if (!ScenarioMix.TryParse(result.GetValue(mix), out var scenarioMix, out var mixError))
            {
                return await FailAsync(errors, mixError).ConfigureAwait(false);
            }

            if (FleetPlan.Validate(scenarioMix, result.GetValue(terminals)) is { } fleetError)
            {
                return await FailAsync(errors, fleetError).ConfigureAwait(false);
            }

            var options = new DemoOptions(result.GetValue(data)!, sendFor, result.GetValue(terminals), perSecond, scenarioMix);
            try
            {
                var results = await DemoWorld.RunAsync(options, Log.Logger, liveConsole: true, cancellation).ConfigureAwait(false);
                await output.WriteLineAsync(ReportWriter.Summary(results)).ConfigureAwait(false);
                return results.TargetUnreachable ? ExitCodes.Failure : ExitCodes.Ok;
            }
            catch (ConfigurationKeyException ex)
            {
                return await FailAsync(errors, $"configuration error: {ex.Message}").ConfigureAwait(false);
            }
            catch (ProvisioningException ex)
            {
                await errors.WriteLineAsync($"Provisioning failed: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static async Task<int> FailAsync(TextWriter errors, string message)
    {
        await errors.WriteLineAsync(message).ConfigureAwait(false);
        return ExitCodes.BadArguments;
    }
}
