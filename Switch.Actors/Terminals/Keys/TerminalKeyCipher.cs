using System.Security.Cryptography;
using System.Text;
using Switch.Protocol.Security;

namespace Switch.Actors.Terminals.Keys;

/// <summary>
/// Seals terminal master keys for the registry, its journal and snapshots (AES-256-GCM). Sealed
/// form: version (1 byte), nonce (12, random per seal), the 16-byte key encrypted, tag (16). The
/// associated data is the version and the TID, so a sealed key copied onto another terminal does
/// not open. Thread-safe: an <see cref="AesGcm"/> is made per call; keys are opened at sign-on, not per message.
/// </summary>
public sealed class TerminalKeyCipher
{
    public const int MinKeyLength = 32;

    private const byte Version = 1;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int SealedLength = 1 + NonceLength + MacKeys.KeyLength + TagLength;

    private static readonly byte[] KeyInfo = "switch/terminal-key-cipher"u8.ToArray();

    private readonly byte[] _key = new byte[32];

    /// <param name="keyEncryptionKey">The configured secret, at least 32 bytes; the AES key is derived from it (HKDF-SHA256).</param>
    public TerminalKeyCipher(ReadOnlySpan<byte> keyEncryptionKey)
    {
        if (keyEncryptionKey.Length < MinKeyLength)
        {
            throw new ArgumentException($"the key-encryption key needs at least {MinKeyLength} bytes, it has {keyEncryptionKey.Length}", nameof(keyEncryptionKey));
        }

        HKDF.DeriveKey(HashAlgorithmName.SHA256, keyEncryptionKey, _key, salt: [], KeyInfo);
    }

    /// <param name="masterKey">The terminal's 16-byte AES master key, in clear; the caller clears its copy.</param>
    public SealedTerminalKey Seal(string tid, ReadOnlySpan<byte> masterKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(tid);
        if (masterKey.Length != MacKeys.KeyLength)
        {
            throw new ArgumentException($"a terminal master key has {MacKeys.KeyLength} bytes", nameof(masterKey));
        }

        var result = new byte[SealedLength];
        result[0] = Version;
        var nonce = result.AsSpan(1, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagLength);
        aes.Encrypt(nonce, masterKey, result.AsSpan(1 + NonceLength, MacKeys.KeyLength), result.AsSpan(SealedLength - TagLength), AssociatedData(tid));
        return new SealedTerminalKey(result, MacKeys.CheckValue(masterKey));
    }

    /// <summary>Opens <paramref name="key"/> into <paramref name="masterKey"/> (16 bytes); false when it is not this terminal's under this key.</summary>
    public bool TryOpen(string tid, SealedTerminalKey key, Span<byte> masterKey)
    {
        ArgumentNullException.ThrowIfNull(key);
        var sealedKey = key.Sealed;
        if (string.IsNullOrEmpty(tid) || sealedKey.Length != SealedLength || sealedKey[0] != Version || masterKey.Length < MacKeys.KeyLength)
        {
            return false;
        }

        try
        {
            using var aes = new AesGcm(_key, TagLength);
            aes.Decrypt(sealedKey.AsSpan(1, NonceLength), sealedKey.AsSpan(1 + NonceLength, MacKeys.KeyLength), sealedKey.AsSpan(SealedLength - TagLength), masterKey[..MacKeys.KeyLength], AssociatedData(tid));
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    private static byte[] AssociatedData(string tid)
    {
        var data = new byte[1 + Encoding.ASCII.GetByteCount(tid)];
        data[0] = Version;
        Encoding.ASCII.GetBytes(tid, data.AsSpan(1));
        return data;
    }
}
