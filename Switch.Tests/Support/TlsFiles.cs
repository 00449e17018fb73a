using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Switch.Host.Tls;

namespace Switch.Tests.Support;

/// <summary>
/// A throwaway CA of the test's own and the PEM files a node's TLS settings name, in a temporary
/// folder removed at the end. Two instances are two CAs that do not trust each other.
/// </summary>
internal sealed class TlsFiles : IDisposable
{
    /// <summary>The name (and SNI) the servers' certificates carry, besides 127.0.0.1.</summary>
    public const string ServerName = "localhost";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"switch-tls-{Guid.NewGuid():N}");
    private int _files;

    public TlsFiles(string caName = "Switch test CA")
    {
        Directory.CreateDirectory(_folder);
        Authority = new ThrowawayAuthority(caName);
        CaFile = Path.Combine(_folder, "ca.pem");
        Authority.WriteCertificate(CaFile);
    }

    public ThrowawayAuthority Authority { get; }

    /// <summary>The CA certificate as PEM: what a peer trusts.</summary>
    public string CaFile { get; }

    /// <summary>A server certificate for <paramref name="name"/> (and 127.0.0.1 when it is <see cref="ServerName"/>).</summary>
    public X509Certificate2 Server(string name = ServerName) =>
        name == ServerName ? Authority.IssueServer(name, name, "127.0.0.1") : Authority.IssueServer(name, name);

    /// <summary>Writes <paramref name="certificate"/> and its key as PEM files; their paths.</summary>
    public (string Certificate, string Key) Write(X509Certificate2 certificate)
    {
        var n = Interlocked.Increment(ref _files);
        var paths = (Path.Combine(_folder, $"cert-{n}.pem"), Path.Combine(_folder, $"key-{n}.pem"));
        ThrowawayAuthority.WritePem(certificate, paths.Item1, paths.Item2);
        return paths;
    }

    /// <summary>Writes <paramref name="certificate"/> and its key as a PKCS#12 file under <paramref name="password"/>; its path.</summary>
    public string WritePfx(X509Certificate2 certificate, string password)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var path = Path.Combine(_folder, $"identity-{Interlocked.Increment(ref _files)}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    /// <summary>
    /// HOCON for a node with one link, <paramref name="acquirer"/> at <paramref name="endpoint"/> over
    /// TLS trusting this CA for <see cref="ServerName"/>, retrying quickly; <paramref name="moreTls"/>
    /// (e.g. <c>, certificate-file = ...</c>) is added to its tls block.
    /// </summary>
    public string LinkTo(string acquirer, EndPoint endpoint, string moreTls = "") => $$"""
        switch.acquirers = [
          { name = {{acquirer}}, endpoint = "{{endpoint}}", profile = iso87-ascii, length-header = binary2,
            timeout = 1s, echo-interval = 30s, reconnect-min = 100ms, reconnect-max = 500ms,
            tls = { enabled = on, server-name = "{{ServerName}}", ca-file = "{{CaFile}}"{{moreTls}} } }
        ]
        """;

    /// <summary>A terminal's handshake that trusts this CA only, presenting <paramref name="clientCertificate"/> when given.</summary>
    public SslClientAuthenticationOptions ClientOptions(X509Certificate2? clientCertificate = null)
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.Add(Authority.Certificate);
        return new SslClientAuthenticationOptions
        {
            TargetHost = ServerName,
            CertificateChainPolicy = policy,
            ClientCertificates = clientCertificate is null ? null : [clientCertificate],
        };
    }

    public void Dispose()
    {
        Authority.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
