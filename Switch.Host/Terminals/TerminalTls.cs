using System.Diagnostics;
using System.Security.Authentication;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Serilog;
using Switch.Host.Tls;

namespace Switch.Host.Terminals;

/// <summary>
/// Kestrel's TLS middleware on the terminal listener, in front of the terminal connection handler,
/// with the handshakes that fail counted and logged: Kestrel drops such a connection without
/// calling what comes after it, and reports it only at debug level. The handler's connection limit
/// counts from the handshake on, so handshakes under way are bounded here, by the same number.
/// </summary>
internal static class TerminalTls
{
    /// <summary>The reason of a connection refused because its handshake failed or timed out.</summary>
    public const string HandshakeFailed = "tls-handshake";

    private static readonly object Handshaken = new();

    /// <summary>Puts TLS on <paramref name="listen"/>; call before the listener's own handler is added.</summary>
    /// <param name="maxHandshakes">Handshakes under way at once; one more connection is closed as it arrives.</param>
    public static void Use(ListenOptions listen, TerminalTlsSettings tls, int maxHandshakes, ILogger log)
    {
        var tlsLog = log.ForContext(typeof(TerminalTls));
        var handshakes = new HandshakeSlots(maxHandshakes);
        listen.Use(next => connection => HandshakeAsync(next, connection, handshakes, tls.HandshakeTimeout, tlsLog));
        listen.UseHttps(Options(tls, tlsLog));
        // Reached only once the handshake has succeeded; the rest of the connection runs inside it.
        listen.Use(next => connection =>
        {
            connection.Items[Handshaken] = true;
            handshakes.Leave();
            return next(connection);
        });
    }

    private static HttpsConnectionAdapterOptions Options(TerminalTlsSettings tls, ILogger log)
    {
        var options = new HttpsConnectionAdapterOptions
        {
            ServerCertificate = tls.Server.Certificate,
            ServerCertificateChain = tls.Server.Intermediates,
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            HandshakeTimeout = tls.HandshakeTimeout,
            // Revocation lookups would stall handshakes on the network (see TrustedRoots).
            CheckCertificateRevocation = false,
            ClientCertificateMode = tls.ClientCertificates == ClientCertificates.Require ? ClientCertificateMode.RequireCertificate : ClientCertificateMode.NoCertificate,
        };
        if (tls.ClientCa is { } ca)
        {
            // Kestrel has already refused a connection without a certificate; this decides on the
            // one presented, against the configured CA only, never the system's store.
            options.ClientCertificateValidation = (certificate, chain, _) =>
            {
                var problem = ca.Problem(certificate, chain?.ChainPolicy.ExtraStore, TrustedRoots.ClientAuthentication);
                if (problem is not null)
                {
                    log.Warning("Refused a terminal certificate ({Subject}, {Thumbprint}): {Problem}", certificate.Subject, certificate.Thumbprint, problem);
                }

                return problem is null;
            };
        }

        return options;
    }

    private static async Task HandshakeAsync(ConnectionDelegate next, ConnectionContext connection, HandshakeSlots handshakes, TimeSpan handshakeTimeout, ILogger log)
    {
        if (!handshakes.TryEnter())
        {
            TerminalPortMetrics.Refused(ConnectionGate.NodeLimit);
            log.Warning("Refused a terminal connection from {Remote}: {Max} TLS handshakes under way", connection.RemoteEndPoint?.ToString(), handshakes.Max);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        await next(connection).ConfigureAwait(false);
        if (connection.Items.ContainsKey(Handshaken))
        {
            return;
        }

        handshakes.Leave();
        TerminalPortMetrics.Refused(HandshakeFailed);
        var elapsed = Stopwatch.GetElapsedTime(started);
        log.Warning(
            elapsed >= handshakeTimeout
                ? "Closed a terminal connection from {Remote}: no TLS handshake within {Elapsed}"
                : "Closed a terminal connection from {Remote}: its TLS handshake failed after {Elapsed} (not TLS, or a certificate refused)",
            connection.RemoteEndPoint?.ToString(),
            elapsed);
    }

    private sealed class HandshakeSlots(int max)
    {
        private int _taken;

        public int Max => max;

        public bool TryEnter()
        {
            if (Interlocked.Increment(ref _taken) <= max)
            {
                return true;
            }

            Interlocked.Decrement(ref _taken);
            return false;
        }

        public void Leave() => Interlocked.Decrement(ref _taken);
    }
}
