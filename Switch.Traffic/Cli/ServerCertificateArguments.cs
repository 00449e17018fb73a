using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Switch.Traffic.Cli;

/// <summary>
/// <c>--tls-cert FILE --tls-key FILE</c> (PEM) or <c>--tls-pfx FILE</c> (its password from
/// SWITCH_TLS_PFX_PASSWORD, never the command line): the certificate a simulator serves TLS with.
/// </summary>
internal sealed class ServerCertificateArguments
{
    public const string PfxPasswordVariable = "SWITCH_TLS_PFX_PASSWORD";

    private readonly Option<string?> _certificate = new("--tls-cert") { Description = "speak TLS with this PEM certificate (with --tls-key)" };
    private readonly Option<string?> _key = new("--tls-key") { Description = "the PEM private key of --tls-cert" };
    private readonly Option<string?> _pfx = new("--tls-pfx") { Description = $"speak TLS with this PKCS#12 file (password from {PfxPasswordVariable})" };

    public IEnumerable<Option> All => [_certificate, _key, _pfx];

    /// <summary>The certificate the options name, null when they name none; false with a message when they cannot be used.</summary>
    public bool TryRead(ParseResult result, out X509Certificate2? certificate, out string failure)
    {
        var pem = result.GetValue(_certificate);
        var key = result.GetValue(_key);
        var pfx = result.GetValue(_pfx);
        certificate = null;
        failure = string.Empty;
        try
        {
            if (pfx is not null)
            {
                if (pem is not null || key is not null)
                {
                    failure = "--tls-pfx: give it or --tls-cert with --tls-key, not both";
                    return false;
                }

                certificate = X509CertificateLoader.LoadPkcs12FromFile(pfx, Environment.GetEnvironmentVariable(PfxPasswordVariable));
            }
            else if (pem is not null || key is not null)
            {
                if (pem is null || key is null)
                {
                    failure = "--tls-cert and --tls-key: give both";
                    return false;
                }

                certificate = X509Certificate2.CreateFromPemFile(pem, key);
            }
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            failure = $"{(pfx is null ? "--tls-cert/--tls-key" : "--tls-pfx")}: cannot load the certificate: {ex.Message}";
            return false;
        }

        return true;
    }
}
