using System.CommandLine;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Serilog;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583.Specs;
using Switch.Traffic.Acquirer;

namespace Switch.Traffic.Cli;

/// <summary><c>acquirer --listen HOST:PORT [--ledger FILE] [--latency-ms N] [--tls-cert FILE --tls-key FILE | --tls-pfx FILE] [--tls-client-ca FILE] ...</c>: runs a simulated acquirer until stopped.</summary>
internal static class AcquirerCommand
{
    public static Command Create()
    {
        var listen = new Option<string>("--listen") { Description = "HOST:PORT to listen on", Required = true };
        var ledger = new Option<string?>("--ledger") { Description = "JSON-lines file recording every message received" };
        var latency = new Option<int>("--latency-ms") { Description = "delay before every answer", DefaultValueFactory = _ => 0 };
        var profile = new Option<string>("--profile") { Description = "iso87-ascii or iso87-binary", DefaultValueFactory = _ => Iso87.AsciiName };
        var header = new Option<LengthHeader>("--length-header") { Description = "Binary2 or Ascii4", DefaultValueFactory = _ => LengthHeader.Binary2 };
        var approval = new Option<double>("--approval-rate") { Description = "share of other amounts approved (0..1)", DefaultValueFactory = _ => 1.0 };
        var drop = new Option<double>("--drop-rate") { Description = "share of requests never answered (0..1)", DefaultValueFactory = _ => 0.0 };
        var disconnect = new Option<double>("--disconnect-rate") { Description = "share of requests that drop the link (0..1)", DefaultValueFactory = _ => 0.0 };
        var seed = new Option<int>("--seed") { Description = "seed of the fault and approval draws", DefaultValueFactory = _ => 8583 };
        var tls = new ServerCertificateArguments();
        var clientCa = new Option<string?>("--tls-client-ca") { Description = "mutual TLS: every link must present a certificate from these PEM CA certificates (with --tls-cert or --tls-pfx)" };

        var command = new Command("acquirer", "Run a simulated acquirer host that answers the switch's links.")
        {
            listen, ledger, latency, profile, header, approval, drop, disconnect, seed, clientCa,
        };
        foreach (var option in tls.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellation) =>
        {
            if (!Endpoints.TryParse(result.GetValue(listen)!, out var endpoint))
            {
                return Usage.Fail($"--listen: '{result.GetValue(listen)}' is not HOST:PORT");
            }

            if (!tls.TryRead(result, out var certificate, out var failure))
            {
                return Usage.Fail(failure);
            }

            X509Certificate2Collection? trustedClients = null;
            if (result.GetValue(clientCa) is { } clientCaFile)
            {
                if (certificate is null)
                {
                    return Usage.Fail("--tls-client-ca: only with --tls-cert and --tls-key or --tls-pfx, the simulator's own certificate");
                }

                if (!PemCaFile.TryRead("--tls-client-ca", clientCaFile, out trustedClients, out failure))
                {
                    return Usage.Fail(failure);
                }
            }

            AcquirerSimulatorOptions options;
            try
            {
                options = new AcquirerSimulatorOptions
                {
                    Listen = endpoint,
                    LedgerPath = result.GetValue(ledger),
                    Latency = TimeSpan.FromMilliseconds(result.GetValue(latency)),
                    Profile = IsoProfiles.Get(result.GetValue(profile)!),
                    Framing = new FrameOptions(result.GetValue(header)),
                    Rules = new ResponseRules(result.GetValue(approval), result.GetValue(drop), result.GetValue(disconnect), result.GetValue(seed)),
                    Certificate = certificate,
                    ClientCa = trustedClients,
                };
            }
            catch (Exception ex) when (ex is ArgumentException or ProfileDefinitionException)
            {
                return Usage.Fail(ex.Message);
            }

            var simulator = new AcquirerSimulator(options, Log.Logger);
            await using (simulator.ConfigureAwait(false))
            {
                try
                {
                    simulator.Start();
                }
                catch (SocketException ex)
                {
                    // A port in use or an address not on this machine: say so, not a stack trace.
                    Log.Error("Cannot listen on {Endpoint}: {Reason}", options.Listen, ex.Message);
                    return 1;
                }

                try
                {
                    await Task.Delay(Timeout.Infinite, cancellation).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Log.Information("Stopping: {Received} messages received, {Reversals} reversals",
                        simulator.Ledger.Entries.Count, simulator.Ledger.Reversals.Count);
                }
            }

            return 0;
        });
        return command;
    }
}
