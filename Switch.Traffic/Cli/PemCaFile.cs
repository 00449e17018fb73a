using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Switch.Traffic.Cli;

/// <summary>A command-line option naming a PEM file of CA certificates to trust instead of the system's store.</summary>
internal static class PemCaFile
{
    /// <summary>The certificates in <paramref name="path"/>; false with a message naming <paramref name="option"/> when it cannot be read or holds none.</summary>
    public static bool TryRead(string option, string path, out X509Certificate2Collection certificates, out string failure)
    {
        certificates = [];
        failure = string.Empty;
        try
        {
            certificates.ImportFromPemFile(path);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            failure = $"{option}: cannot read '{path}': {ex.Message}";
            return false;
        }

        if (certificates.Count == 0)
        {
            failure = $"{option}: '{path}' holds no PEM certificate";
            return false;
        }

        return true;
    }
}
