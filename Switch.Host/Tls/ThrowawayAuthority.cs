using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Switch.Host.Tls;

/// <summary>
/// A certificate authority made on the spot (ECDSA P-256, valid for a day) that issues TLS
/// certificates and writes them as PEM files: for the TLS benchmark and the tests, never for
/// production, where certificates come from the operator's CA.
/// </summary>
public sealed class ThrowawayAuthority : IDisposable
{
    private static readonly TimeSpan Validity = TimeSpan.FromDays(1);

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public ThrowawayAuthority(string name)
    {
        var request = new CertificateRequest($"CN={name}", _key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = DateTimeOffset.UtcNow;
        // A day longer than what it issues: an issued certificate may not outlive its issuer.
        Certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Validity * 2));
    }

    /// <summary>The CA's own certificate, which peers trust.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>A server certificate for the DNS names and IP addresses given.</summary>
    public X509Certificate2 IssueServer(string name, params string[] subjectAlternativeNames) =>
        Issue(name, TrustedRoots.ServerAuthentication, subjectAlternativeNames);

    /// <summary>A client certificate (a terminal's, or a link's for mutual TLS).</summary>
    public X509Certificate2 IssueClient(string name) => Issue(name, TrustedRoots.ClientAuthentication, []);

    /// <summary>Writes the CA certificate as PEM to <paramref name="path"/>.</summary>
    public void WriteCertificate(string path) => File.WriteAllText(path, Certificate.ExportCertificatePem());

    /// <summary>Writes <paramref name="certificate"/> and its private key as PEM files.</summary>
    public static void WritePem(X509Certificate2 certificate, string certificatePath, string keyPath)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var key = certificate.GetECDsaPrivateKey() ?? throw new ArgumentException("the certificate has no ECDSA private key", nameof(certificate));
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose()
    {
        _key.Dispose();
        Certificate.Dispose();
    }

    private X509Certificate2 Issue(string name, Oid purpose, string[] subjectAlternativeNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([purpose], critical: false));
        if (subjectAlternativeNames.Length > 0)
        {
            var names = new SubjectAlternativeNameBuilder();
            foreach (var alternative in subjectAlternativeNames)
            {
                if (IPAddress.TryParse(alternative, out var address))
                {
                    names.AddIpAddress(address);
                }
                else
                {
                    names.AddDnsName(alternative);
                }
            }

            request.CertificateExtensions.Add(names.Build());
        }

        var now = DateTimeOffset.UtcNow;
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(Certificate, now.AddMinutes(-5), now.Add(Validity), serial);
        return issued.CopyWithPrivateKey(key);
    }
}
