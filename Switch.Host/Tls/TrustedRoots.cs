using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Switch.Host.Tls;

/// <summary>
/// The CA certificates a peer's certificate must chain to, in place of the system's trust store.
/// Revocation is not checked: a private payments CA rarely publishes reachable CRLs, and a node
/// must not stall its handshakes on a lookup; a revoked peer is removed by reissuing the CA file.
/// </summary>
public sealed class TrustedRoots
{
    /// <summary>Extended key usage for a TLS client (RFC 5280).</summary>
    public static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    /// <summary>Extended key usage for a TLS server (RFC 5280).</summary>
    public static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    public TrustedRoots(X509Certificate2Collection certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        Certificates = certificates;
    }

    public X509Certificate2Collection Certificates { get; }

    /// <summary>A chain policy trusting only these roots, for a certificate used for <paramref name="purpose"/>.</summary>
    public X509ChainPolicy Policy(Oid purpose)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.AddRange(Certificates);
        policy.ApplicationPolicy.Add(purpose);
        return policy;
    }

    /// <summary>Why <paramref name="certificate"/> does not chain to these roots for <paramref name="purpose"/>; null when it does.</summary>
    public string? Problem(X509Certificate2 certificate, X509Certificate2Collection? presented, Oid purpose)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain { ChainPolicy = Policy(purpose) };
        if (presented is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(presented);
        }

        return chain.Build(certificate)
            ? null
            : string.Join(", ", chain.ChainStatus.Select(status => status.Status).Distinct());
    }
}
