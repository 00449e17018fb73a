using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Switch.Host.Tls;

namespace Switch.Host.Configuration;

/// <summary>
/// Reads <c>switch.terminals.tls</c> and each acquirer's <c>tls</c> block and loads the certificates
/// they name, so a missing file or a wrong password stops start-up naming the key, not the first handshake.
/// </summary>
internal static class TlsSettingsReader
{
    public static TerminalTlsSettings? ReadTerminals(ConfigReader terminals)
    {
        var tls = terminals.Child("tls");
        if (!tls.Flag("enabled"))
        {
            return null;
        }

        var server = Identity(tls) ?? throw tls.Invalid("certificate-file", "is needed with tls.enabled = on: a PEM certificate-file and key-file, or a pfx-file");
        var clients = tls.Choice<ClientCertificates>("client-certificate");
        var ca = Optional(tls, "client-ca-file");
        if (clients == ClientCertificates.Require && ca.Length == 0)
        {
            throw tls.Invalid("client-ca-file", "is needed with client-certificate = require: the PEM CA certificates terminals' certificates must chain to");
        }

        return new TerminalTlsSettings(server, clients, clients == ClientCertificates.Require ? Roots(tls, "client-ca-file") : null, tls.Duration("handshake-timeout"));
    }

    /// <summary>The link's TLS, or null when its block is left out or not enabled.</summary>
    public static LinkTlsSettings? ReadLink(ConfigReader acquirer, EndPoint endpoint)
    {
        if (!acquirer.Config.HasPath("tls"))
        {
            return null;
        }

        var tls = acquirer.Child("tls");
        if (!tls.Flag("enabled"))
        {
            return null;
        }

        var serverName = Optional(tls, "server-name");
        return new LinkTlsSettings(
            serverName.Length > 0 ? serverName : Host(endpoint),
            Optional(tls, "ca-file").Length > 0 ? Roots(tls, "ca-file") : null,
            Identity(tls));
    }

    private static string Host(EndPoint endpoint) => endpoint switch
    {
        DnsEndPoint dns => dns.Host,
        IPEndPoint ip => ip.Address.ToString(),
        _ => endpoint.ToString() ?? string.Empty,
    };

    /// <summary>A PEM certificate-file with its key-file, or a pfx-file with its pfx-password; null when none is given.</summary>
    private static CertificateIdentity? Identity(ConfigReader tls)
    {
        var certificateFile = Optional(tls, "certificate-file");
        var keyFile = Optional(tls, "key-file");
        var pfxFile = Optional(tls, "pfx-file");
        if (pfxFile.Length > 0)
        {
            return certificateFile.Length > 0 || keyFile.Length > 0
                ? throw tls.Invalid("pfx-file", "give a pfx-file or a certificate-file with its key-file, not both")
                : FromPfx(tls, Existing(tls, "pfx-file"), Optional(tls, "pfx-password"));
        }

        if (certificateFile.Length == 0 && keyFile.Length == 0)
        {
            return null;
        }

        if (keyFile.Length == 0 || certificateFile.Length == 0)
        {
            throw tls.Invalid(keyFile.Length == 0 ? "key-file" : "certificate-file", "is needed with the other: a PEM certificate-file and its key-file");
        }

        return FromPem(tls, Existing(tls, "certificate-file"), Existing(tls, "key-file"));
    }

    private static CertificateIdentity FromPem(ConfigReader tls, string certificateFile, string keyFile)
    {
        X509Certificate2 leaf;
        var all = new X509Certificate2Collection();
        try
        {
            all.ImportFromPemFile(certificateFile);
        }
        catch (CryptographicException ex)
        {
            throw tls.Invalid("certificate-file", $"'{certificateFile}' holds no readable PEM certificate ({ex.Message})");
        }

        try
        {
            leaf = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        }
        catch (CryptographicException ex)
        {
            // The message says what is wrong (no key, an encrypted key, a key of another certificate), never the key.
            throw tls.Invalid("key-file", $"'{keyFile}' is not the unencrypted PEM private key of certificate-file ({ex.Message})");
        }

        return new CertificateIdentity(leaf, Intermediates(all, leaf));
    }

    private static CertificateIdentity FromPfx(ConfigReader tls, string pfxFile, string password)
    {
        X509Certificate2Collection all;
        try
        {
            all = X509CertificateLoader.LoadPkcs12CollectionFromFile(pfxFile, password);
        }
        catch (CryptographicException)
        {
            throw tls.Invalid("pfx-password", $"does not open '{pfxFile}' (a wrong password, or not a PKCS#12 file)");
        }

        var leaf = all.FirstOrDefault(certificate => certificate.HasPrivateKey)
            ?? throw tls.Invalid("pfx-file", $"'{pfxFile}' holds no certificate with its private key");
        return new CertificateIdentity(leaf, Intermediates(all, leaf));
    }

    private static X509Certificate2Collection Intermediates(X509Certificate2Collection all, X509Certificate2 leaf) =>
        [.. all.Where(certificate => certificate.Thumbprint != leaf.Thumbprint)];

    private static TrustedRoots Roots(ConfigReader tls, string key)
    {
        var path = Existing(tls, key);
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (CryptographicException ex)
        {
            throw tls.Invalid(key, $"'{path}' holds no readable PEM certificate ({ex.Message})");
        }

        return roots.Count > 0 ? new TrustedRoots(roots) : throw tls.Invalid(key, $"'{path}' holds no PEM certificate");
    }

    private static string Existing(ConfigReader tls, string key)
    {
        var path = tls.Text(key);
        return File.Exists(path) ? path : throw tls.Invalid(key, $"'{path}' does not exist");
    }

    // Inside a list element nothing falls back to switch.conf, so a link's keys may be left out.
    private static string Optional(ConfigReader block, string key) => block.Config.HasPath(key) ? block.Text(key) : string.Empty;
}
