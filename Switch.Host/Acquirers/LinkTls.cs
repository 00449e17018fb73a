using System.Net.Security;
using System.Security.Authentication;
using Switch.Host.Tls;

namespace Switch.Host.Acquirers;

/// <summary>The client side of TLS on an acquirer link: the acquirer's certificate checked for the configured name and CA.</summary>
internal static class LinkTls
{
    /// <summary>
    /// The handshake over <paramref name="connection"/>, which the returned stream owns. When it fails
    /// the connection is closed and the <see cref="AuthenticationException"/> says why.
    /// </summary>
    public static async Task<SslStream> AuthenticateAsync(Stream connection, LinkTlsSettings tls, CancellationToken cancellation)
    {
        var stream = new SslStream(connection, leaveInnerStreamOpen: false);
        try
        {
            await stream.AuthenticateAsClientAsync(Options(tls), cancellation).ConfigureAwait(false);
            return stream;
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw new AuthenticationException($"TLS handshake failed (server name {tls.ServerName}): {ex.Message}", ex);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static SslClientAuthenticationOptions Options(LinkTlsSettings tls) => new()
    {
        TargetHost = tls.ServerName,
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        CertificateChainPolicy = tls.TrustedCa?.Policy(TrustedRoots.ServerAuthentication),
        ClientCertificateContext = tls.ClientCertificate is { } identity
            ? SslStreamCertificateContext.Create(identity.Certificate, identity.Intermediates, offline: true)
            : null,
    };
}
