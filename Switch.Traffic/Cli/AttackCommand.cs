using System.CommandLine;
using System.Text.Json;
using Serilog;
using Switch.Traffic.Attack;

namespace Switch.Traffic.Cli;

/// <summary><c>attack --target HOST:PORT --kind KIND [--connections 100] [--duration 30s]</c>: a hostile client of the terminal port.</summary>
internal static class AttackCommand
{
    public static Command Create()
    {
        var target = new Option<string>("--target") { Description = "the switch's terminal port, HOST:PORT", Required = true };
        var kind = new Option<string>("--kind") { Description = $"one of: {string.Join(", ", AttackKinds.Names)}", Required = true };
        var connections = new Option<int>("--connections") { Description = "attacking connections at once", DefaultValueFactory = _ => 100 };
        var duration = new Option<string>("--duration") { Description = "how long to attack", DefaultValueFactory = _ => "30s" };
        var report = new Option<string?>("--report") { Description = "JSON file of what the attack managed" };
        var command = new Command("attack", "Attack a terminal port (slow-loris, floods, oversized lengths, garbage) to test its limits.")
        {
            target, kind, connections, duration, report,
        };
        command.SetAction(async (result, cancellation) =>
        {
            if (!Endpoints.TryParse(result.GetValue(target)!, out var endpoint))
            {
                return Usage.Fail($"--target: '{result.GetValue(target)}' is not HOST:PORT");
            }

            if (!AttackKinds.TryParse(result.GetValue(kind), out var attackKind))
            {
                return Usage.Fail($"--kind: '{result.GetValue(kind)}' is not one of {string.Join(", ", AttackKinds.Names)}");
            }

            if (!Durations.TryParse(result.GetValue(duration), out var length) || length <= TimeSpan.Zero || result.GetValue(connections) is < 1 or > 50_000)
            {
                return Usage.Fail("--duration: a positive duration such as 30s; --connections: 1..50000");
            }

            var options = new AttackOptions { Target = endpoint, Kind = attackKind, Connections = result.GetValue(connections), Duration = length };
            Log.Information("Attacking {Target} with {Kind} over {Connections} connections for {Duration}", endpoint, attackKind.Name(), options.Connections, length);
            var outcome = await new TerminalPortAttack(options).RunAsync(cancellation).ConfigureAwait(false);
            Log.Information("{Summary}", outcome.Summary);
            if (result.GetValue(report) is { } path)
            {
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(outcome), cancellation).ConfigureAwait(false);
            }
            return 0;
        });
        return command;
    }
}
