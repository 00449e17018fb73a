using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using Serilog;
using Spectre.Console;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583.Specs;
using Switch.Traffic.Generator;
using Switch.Traffic.Live;
using Switch.Traffic.Provisioning;
using Switch.Traffic.Sms;

namespace Switch.Traffic.Cli;

/// <summary>
/// <c>run --target HOST:PORT --terminals N [--rate TPS | --closed-loop] --duration 60s --report DIR
/// [--mix ... --admin URL --admin-token T --sms-listen HOST:PORT] [--tls [--tls-ca FILE] [--tls-server-name NAME]]</c>:
/// one generator run, after the
/// SMS sink is up and the admin API has what the run needs.
/// </summary>
internal static class RunCommand
{
    /// <summary>Exit code when not one terminal could connect to the target.</summary>
    public const int Unreachable = 1;

    /// <summary>Exit code when the admin API refused provisioning or the SMS sink could not listen.</summary>
    public const int SetupFailed = 1;

    public static Command Create()
    {
        var target = new Option<string>("--target") { Description = "HOST:PORT of the switch's terminal port", Required = true };
        var terminals = new Option<int>("--terminals") { Description = "simulated terminals, one connection each", Required = true };
        var rate = new Option<double?>("--rate") { Description = "open loop: requests per second over all terminals" };
        var closedLoop = new Option<bool>("--closed-loop") { Description = "closed loop: each terminal sends as soon as it is answered" };
        var pipeline = new Option<int>("--pipeline") { Description = "closed loop: requests outstanding per terminal", DefaultValueFactory = _ => 1 };
        var duration = new Option<string>("--duration") { Description = "how long to send after ramp-up (60s, 2m, 500ms)", DefaultValueFactory = _ => "60s" };
        var rampUp = new Option<string>("--ramp-up") { Description = "connections and rate spread over this time first", DefaultValueFactory = _ => "0s" };
        var firstTerminal = new Option<int>("--first-terminal") { Description = "number of the first TID (T0000001 is 1)", DefaultValueFactory = _ => 1 };
        var amount = new Option<long>("--amount") { Description = "amount in minor units", DefaultValueFactory = _ => 1000 };
        var timeout = new Option<string>("--timeout") { Description = "a request unanswered this long is an error", DefaultValueFactory = _ => "10s" };
        var profile = new Option<string>("--profile") { Description = "iso87-ascii or iso87-binary", DefaultValueFactory = _ => Iso87.AsciiName };
        var header = new Option<LengthHeader>("--length-header") { Description = "binary2 or ascii4", DefaultValueFactory = _ => LengthHeader.Binary2 };
        var mid = new Option<string>("--mid") { Description = "merchant id, field 42", DefaultValueFactory = _ => RunOptions.DefaultMid };
        var report = new Option<string>("--report") { Description = "directory for report.json, report.html and summary.txt", Required = true };
        var tls = new Option<bool>("--tls") { Description = "the terminals speak TLS (1.2 or 1.3) to the target" };
        var tlsCa = new Option<string?>("--tls-ca") { Description = "with --tls: PEM CA certificates the switch's must chain to (default: the system's store)" };
        var tlsServerName = new Option<string?>("--tls-server-name") { Description = "with --tls: the name the switch's certificate must carry (default: the target's address)" };
        var mac = new Option<bool>("--mac") { Description = "terminals get master keys through --admin, sign on to a session key and MAC every request" };
        var scenarioArguments = new ScenarioArguments();
        var recoveryArguments = new RecoveryArguments();

        var command = new Command("run", "Run simulated terminals against a switch and write a traffic report.")
        {
            target, terminals, rate, closedLoop, pipeline, duration, rampUp, firstTerminal, amount, timeout, profile, header, mid, report, tls, tlsCa, tlsServerName, mac,
        };
        foreach (var option in scenarioArguments.All.Concat(recoveryArguments.All))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellation) =>
        {
            if (!Endpoints.TryParse(result.GetValue(target)!, out var endpoint))
            {
                return Usage.Fail($"--target: '{result.GetValue(target)}' is not HOST:PORT");
            }

            if (result.GetValue(rate) is null != result.GetValue(closedLoop))
            {
                return Usage.Fail("--rate or --closed-loop: give exactly one of them");
            }

            if (!TryDuration(result.GetValue(duration), "--duration", out var sendFor, out var failure)
                || !TryDuration(result.GetValue(rampUp), "--ramp-up", out var ramp, out failure)
                || !TryDuration(result.GetValue(timeout), "--timeout", out var wait, out failure))
            {
                return Usage.Fail(failure);
            }

            if (!IsoProfiles.Builtin.TryGetValue(result.GetValue(profile)!, out var isoProfile))
            {
                return Usage.Fail($"--profile: unknown profile '{result.GetValue(profile)}' (known: {Iso87.AsciiName}, {Iso87.BinaryName})");
            }

            if (!TryTls(result.GetValue(tls), result.GetValue(tlsCa), result.GetValue(tlsServerName), out var clientTls, out var tlsFailure))
            {
                return Usage.Fail(tlsFailure);
            }

            var options = new RunOptions
            {
                Target = endpoint,
                Terminals = result.GetValue(terminals),
                Rate = result.GetValue(rate),
                Pipeline = result.GetValue(pipeline),
                Duration = sendFor,
                RampUp = ramp,
                FirstTerminal = result.GetValue(firstTerminal),
                Amount = result.GetValue(amount),
                Timeout = wait,
                Profile = isoProfile,
                Framing = new FrameOptions(result.GetValue(header)),
                Mid = result.GetValue(mid)!,
                Tls = clientTls,
                Mac = result.GetValue(mac),
            };
            if (!scenarioArguments.TryRead(result, options, out var setup, out var scenarioFailure))
            {
                return Usage.Fail(scenarioFailure);
            }

            if (options.Mac && setup.Admin is null)
            {
                return Usage.Fail("--mac: needs --admin and --admin-token, through which the terminals' master keys are put");
            }

            if (!recoveryArguments.TryRead(result, out var recovery, out var recoveryFailure))
            {
                return Usage.Fail(recoveryFailure);
            }

            options = options with { Scenarios = setup.Scenarios, Recovery = recovery };
            if (options.Validate() is { } problem)
            {
                return Usage.Fail(problem);
            }

            var directory = result.GetValue(report)!;
            try
            {
                Directory.CreateDirectory(directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return Usage.Fail($"--report: cannot create '{directory}': {ex.Message}");
            }

            return await RunAsync(options, setup, directory, cancellation).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(RunOptions options, ScenarioSetup setup, string directory, CancellationToken cancellation)
    {
        var sink = setup.SmsListen is { } listen ? new SmsSink(new SmsSinkOptions { Listen = listen, Secret = setup.SmsSecret }) : null;
        try
        {
            if (sink is not null)
            {
                try
                {
                    await sink.StartAsync(cancellation).ConfigureAwait(false);
                }
                catch (IOException ex)
                {
                    await Console.Error.WriteLineAsync($"Cannot listen for SMS on {setup.SmsListen}: {ex.Message}").ConfigureAwait(false);
                    return SetupFailed;
                }

                // The switch must be told where to text the codes; with port 0 only now is it known.
                await Console.Out.WriteLineAsync($"SMS sink listening: the switch must have switch.sms.webhook-url = \"{sink.WebhookUrl}\" (or SWITCH_SMS_WEBHOOK_URL)").ConfigureAwait(false);
                options = options with { Scenarios = options.Scenarios! with { Sms = sink } };
            }

            if (setup.Admin is { } admin)
            {
                using var client = new AdminClient(admin, setup.AdminToken!);
                try
                {
                    await Provisioner.ProvisionAsync(client, options, setup.FeePlan, Log.Logger, cancellation).ConfigureAwait(false);
                }
                catch (ProvisioningException ex)
                {
                    await Console.Error.WriteLineAsync($"Provisioning failed: {ex.Message}").ConfigureAwait(false);
                    return SetupFailed;
                }
            }

            var results = await ConsoleRun.RunAsync(options, Log.Logger, cancellation).ConfigureAwait(false);
            if (results.TargetUnreachable)
            {
                await Console.Error.WriteLineAsync($"Cannot reach {options.Target}: {(results.SignOnFailures.Count > 0 ? results.SignOnFailures[0].Reason : "no terminal connected")}").ConfigureAwait(false);
                return Unreachable;
            }

            var summary = await ReportWriter.WriteAsync(results, directory, CancellationToken.None).ConfigureAwait(false);
            await Console.Out.WriteAsync(summary).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            if (sink is not null)
            {
                await sink.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static bool TryTls(bool on, string? caFile, string? serverName, out ClientTlsOptions? tls, out string failure)
    {
        tls = null;
        failure = string.Empty;
        if (!on)
        {
            failure = "--tls-ca, --tls-server-name: only with --tls";
            return caFile is null && serverName is null;
        }

        X509Certificate2Collection? trusted = null;
        if (caFile is not null && !PemCaFile.TryRead("--tls-ca", caFile, out trusted, out failure))
        {
            return false;
        }

        tls = new ClientTlsOptions(serverName, trusted);
        return true;
    }

    private static bool TryDuration(string? text, string option, out TimeSpan duration, out string failure)
    {
        failure = $"{option}: '{text}' is not a duration (e.g. 500ms, 10s, 2m)";
        return Durations.TryParse(text, out duration);
    }
}
