namespace Switch.Host.Tls;

/// <summary>TLS on one acquirer link (<c>switch.acquirers[i].tls</c>); a link without it has none.</summary>
/// <param name="ServerName">The name the acquirer's certificate must carry (SNI too).</param>
/// <param name="TrustedCa">What the acquirer's certificate must chain to; null for the system's trust store.</param>
/// <param name="ClientCertificate">The certificate the link presents when the acquirer asks (mutual TLS); null for none.</param>
public sealed record LinkTlsSettings(string ServerName, TrustedRoots? TrustedCa, CertificateIdentity? ClientCertificate);
