using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Switch.Protocol.Security;

/// <summary>
/// The keys of terminal message authentication, as the switch and a terminal both derive them: the
/// session MAC key from the terminal's master key and the sign-on nonce, and a key's check value.
/// </summary>
public static class MacKeys
{
    /// <summary>AES-128: the master key, the session key.</summary>
    public const int KeyLength = 16;

    /// <summary>The sign-on nonce, random per sign-on.</summary>
    public const int NonceLength = 16;

    /// <summary>Bytes of a key check value (6 hex digits).</summary>
    public const int CheckValueLength = 3;

    private const int OutputBits = KeyLength * 8;

    // SP 800-108's Label: names this one use, so the master key derives nothing else alike.
    private static ReadOnlySpan<byte> Label => "switch terminal MAC"u8;

    /// <summary>
    /// NIST SP 800-108 KDF in counter mode with AES-CMAC as the PRF, one block (L = 128):
    /// session key = CMAC(master, [1]₃₂ ‖ "switch terminal MAC" ‖ 0x00 ‖ nonce ‖ [128]₃₂).
    /// </summary>
    public static void DeriveSessionKey(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> nonce, Span<byte> sessionKey)
    {
        if (masterKey.Length != KeyLength || nonce.Length != NonceLength || sessionKey.Length < KeyLength)
        {
            throw new ArgumentException($"a {KeyLength}-byte master key, a {NonceLength}-byte nonce and room for {KeyLength} bytes are needed");
        }

        Span<byte> input = stackalloc byte[4 + Label.Length + 1 + NonceLength + 4];
        BinaryPrimitives.WriteUInt32BigEndian(input, 1);
        Label.CopyTo(input[4..]);
        input[4 + Label.Length] = 0;
        nonce.CopyTo(input[(5 + Label.Length)..]);
        BinaryPrimitives.WriteUInt32BigEndian(input[^4..], OutputBits);
        using var prf = new AesCmac(masterKey);
        prf.Compute(input, sessionKey);
    }

    /// <summary>
    /// A key's check value: the first 3 bytes of AES-CMAC(key, 16 zero bytes), as 6 upper-case hex
    /// digits. It tells two holders they have the same key and reveals nothing usable of it.
    /// </summary>
    public static string CheckValue(ReadOnlySpan<byte> key)
    {
        using var cmac = new AesCmac(key);
        return CheckValue(cmac);
    }

    /// <inheritdoc cref="CheckValue(ReadOnlySpan{byte})"/>
    public static string CheckValue(AesCmac key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> zeros = stackalloc byte[AesCmac.BlockSize];
        zeros.Clear();
        Span<byte> mac = stackalloc byte[AesCmac.BlockSize];
        key.Compute(zeros, mac);
        return Convert.ToHexString(mac[..CheckValueLength]);
    }

    /// <summary>A fresh sign-on nonce from the system's CSPRNG.</summary>
    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(NonceLength);
}
