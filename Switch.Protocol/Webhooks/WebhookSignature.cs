using System.Security.Cryptography;
using System.Text;

namespace Switch.Protocol.Webhooks;

/// <summary>
/// The signature of a webhook body: <c>X-Signature: sha256=&lt;lowercase hex HMAC-SHA256(secret, body)&gt;</c>.
/// The switch signs with it and any receiver (the bundled SMS sink included) verifies with it, so
/// both sides share one definition of the bytes that are signed.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The HTTP header that carries the signature.</summary>
    public const string Header = "X-Signature";

    private const string Prefix = "sha256=";
    private const int HexLength = HMACSHA256.HashSizeInBytes * 2;

    /// <summary>The header value for <paramref name="body"/>: <c>sha256=</c> and 64 lowercase hex digits.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, mac);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// Whether <paramref name="header"/> is the signature of <paramref name="body"/> under
    /// <paramref name="secret"/>. The digests are compared in constant time, so a caller cannot learn
    /// a valid signature byte by byte from response times. Upper-case hex is accepted as well.
    /// </summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (header is null || header.Length != Prefix.Length + HexLength || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), claimed, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != claimed.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }
}
