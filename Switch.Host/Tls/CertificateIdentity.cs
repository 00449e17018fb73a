using System.Security.Cryptography.X509Certificates;

namespace Switch.Host.Tls;

/// <summary>
/// A certificate this node presents: the leaf, with its private key, and the intermediates sent
/// with it so a peer that trusts only the root can build the chain.
/// </summary>
public sealed record CertificateIdentity(X509Certificate2 Certificate, X509Certificate2Collection Intermediates)
{
    public override string ToString() => $"CertificateIdentity {{ Subject = {Certificate.Subject}, Thumbprint = {Certificate.Thumbprint} }}";
}
