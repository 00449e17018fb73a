namespace Switch.Host.Tls;

/// <summary>TLS on the terminal port (<c>switch.terminals.tls</c>); a port without it has none.</summary>
/// <param name="Server">The certificate the port presents.</param>
/// <param name="ClientCertificates">Whether terminals must present a certificate (mutual TLS).</param>
/// <param name="ClientCa">What terminals' certificates must chain to; null unless they are required.</param>
/// <param name="HandshakeTimeout">A connection whose handshake takes longer is closed.</param>
public sealed record TerminalTlsSettings(
    CertificateIdentity Server,
    ClientCertificates ClientCertificates,
    TrustedRoots? ClientCa,
    TimeSpan HandshakeTimeout);

/// <summary>What the terminal port asks of a terminal's certificate (<c>client-certificate</c>).</summary>
public enum ClientCertificates
{
    /// <summary>None is asked for.</summary>
    None,

    /// <summary>A terminal must present one that chains to the configured CA, or its handshake fails.</summary>
    Require,
}
