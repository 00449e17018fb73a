using System.Security.Cryptography.X509Certificates;

namespace Switch.Traffic.Generator;

/// <summary>TLS of the simulated terminals (<c>run --tls</c>).</summary>
/// <param name="ServerName">The name the switch's certificate must carry; the target's address when null.</param>
/// <param name="TrustedCa">What the switch's certificate must chain to; the system's store when null.</param>
public sealed record ClientTlsOptions(string? ServerName, X509Certificate2Collection? TrustedCa)
{
    /// <summary>A policy trusting only <see cref="TrustedCa"/>; null for the system's defaults.</summary>
    internal X509ChainPolicy? ChainPolicy()
    {
        if (TrustedCa is null)
        {
            return null;
        }

        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.AddRange(TrustedCa);
        return policy;
    }
}
