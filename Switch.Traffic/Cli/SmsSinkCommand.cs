using System.CommandLine;
using Serilog;
using Switch.Traffic.Sms;

namespace Switch.Traffic.Cli;

/// <summary><c>sms-sink --listen HOST:PORT [--secret S]</c>: receives the switch's SMS webhook until stopped.</summary>
internal static class SmsSinkCommand
{
    /// <summary>Exit code when the sink cannot listen (the address is in use, say).</summary>
    public const int CannotListen = 1;

    public static Command Create()
    {
        var listen = new Option<string>("--listen") { Description = "HOST:PORT to listen on (port 0: any free port)", Required = true };
        var secret = new Option<string?>("--secret") { Description = "the switch's switch.sms.secret: requests without its valid X-Signature get 401" };

        var command = new Command("sms-sink", $"Receive the switch's SMS webhook (POST {SmsSink.WebhookPath}) as the cardholders' phones; codes at GET /codes/{{challengeId}}.")
        {
            listen, secret,
        };
        command.SetAction(async (result, cancellation) =>
        {
            if (!Endpoints.TryParse(result.GetValue(listen)!, out var endpoint))
            {
                return Usage.Fail($"--listen: '{result.GetValue(listen)}' is not HOST:PORT");
            }

            var key = result.GetValue(secret);
            if (key is { Length: 0 })
            {
                return Usage.Fail("--secret: must not be empty (leave it out to accept unsigned requests)");
            }

            var sink = new SmsSink(new SmsSinkOptions
            {
                Listen = endpoint,
                Secret = key,
                OnReceived = sms => Log.Information("SMS to {Phone} for challenge {ChallengeId}", sms.MaskedPhone, sms.ChallengeId),
            });
            await using (sink.ConfigureAwait(false))
            {
                try
                {
                    await sink.StartAsync(cancellation).ConfigureAwait(false);
                }
                catch (IOException ex)
                {
                    await Console.Error.WriteLineAsync($"Cannot listen on {endpoint}: {ex.Message}").ConfigureAwait(false);
                    return CannotListen;
                }

                Log.Information("SMS sink listening: webhook {WebhookUrl}, signatures {Signatures}", sink.WebhookUrl, key is null ? "not checked" : "required");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellation).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    var stats = sink.Stats;
                    Log.Information("Stopping: {Received} SMS received, {Rejected} requests rejected", stats.Received, stats.Rejected);
                }
            }

            return 0;
        });
        return command;
    }
}
