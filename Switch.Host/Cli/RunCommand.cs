using System.CommandLine;
using System.Net.Sockets;
using Serilog;
using Switch.Host.Configuration;
using Switch.Host.Hosting;

namespace Switch.Host.Cli;

/// <summary>
/// <c>run [--config FILE]...</c>: starts a node on hocon/switch.conf and the overlays, until SIGTERM or
/// Ctrl+C; not on the shipped secrets unless <c>switch.demo = on</c> (see <see cref="SecretsPolicy"/>).
/// </summary>
public static class RunCommand
{
    public static Command Create(TextWriter errors)
    {
        var config = new Option<string[]>("--config")
        {
            Description = "a HOCON overlay on hocon/switch.conf; repeat it, later files win",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("run", "Start a switch node.") { config };
        command.SetAction((result, cancellation) => RunAsync(result.GetValue(config) ?? [], errors, cancellation));
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> overlays, TextWriter errors, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Akka.Configuration.Config config;
        SwitchSettings settings;
        try
        {
            config = SwitchConfiguration.Load(overlays);
            settings = SwitchSettingsReader.Read(config);
            var weaknesses = SecretsPolicy.Weaknesses(config, settings);
            if (weaknesses.Count > 0 && !SecretsPolicy.IsDemo(config))
            {
                foreach (var weakness in weaknesses)
                {
                    await errors.WriteLineAsync($"configuration error: {weakness.Message}").ConfigureAwait(false);
                }

                await errors.WriteLineAsync("(switch.demo = on, or SWITCH_DEMO=on, runs a demo node on the shipped secrets)").ConfigureAwait(false);
                return ExitCodes.BadArguments;
            }

            if (weaknesses.Count > 0)
            {
                Log.Warning("A demo node (switch.demo = on): {Keys} keep the shipped or short secrets; never let it see real cards", weaknesses.Select(w => w.Key));
            }
        }
        catch (ConfigurationKeyException ex)
        {
            await errors.WriteLineAsync($"configuration error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        try
        {
            var node = await SwitchNode.StartAsync(config, settings, Log.Logger, cancellation).ConfigureAwait(false);
            await using (node.ConfigureAwait(false))
            {
                await node.WaitForShutdownAsync(cancellation).ConfigureAwait(false);
                Log.Information("Switch node {NodeId} is stopping", settings.NodeId);
            }

            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is IOException or SocketException or InvalidOperationException)
        {
            Log.Fatal(ex, "The switch node failed to start");
            return ExitCodes.Failure;
        }
    }
}
