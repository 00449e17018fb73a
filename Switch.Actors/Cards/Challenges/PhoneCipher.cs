using System.Security.Cryptography;
using System.Text;

namespace Switch.Actors.Cards.Challenges;

/// <summary>
/// Seals the phone bound to a card for storage at rest (journal, snapshots) with AES-256-GCM.
/// Sealed form: key version (1 byte), nonce (12, random per seal), ciphertext (the phone's ASCII
/// digits), tag (16). The associated data is the key version and the card token, so a sealed phone
/// copied onto another card's record, or relabelled with another key version, does not open.
/// The version byte lets a later key rotation tell old records from new; today one key reads only
/// its own version. Thread-safe: an <see cref="AesGcm"/> (which is not) is made per call, which is
/// cheap next to the rarity of binding and challenge steps.
/// </summary>
public sealed class PhoneCipher
{
    public const int MinKeyLength = 32;

    private const int AesKeyLength = 32;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int HeaderLength = 1 + NonceLength;

    // Fixed-size comparison form: the length, then the digits, zero-padded; so two phones of
    // different lengths are compared over the same bytes and only "not equal" comes out.
    private const int ComparisonLength = 1 + PhoneNumbers.MaxDigits;

    private static readonly byte[] KeyInfo = "switch/phone-cipher"u8.ToArray();

    private readonly byte[] _key;
    private readonly byte _keyVersion;

    /// <param name="key">The configured secret, at least 32 bytes. The AES key is derived from it
    /// (HKDF-SHA256), so a secret of any length ≥ 32 serves and this use never shares a key with another.</param>
    /// <param name="keyVersion">Written into every sealed phone; only sealed phones of this version open.</param>
    public PhoneCipher(ReadOnlySpan<byte> key, byte keyVersion = 1)
    {
        if (key.Length < MinKeyLength)
        {
            throw new ArgumentException($"the phone cipher key needs at least {MinKeyLength} bytes, it has {key.Length}", nameof(key));
        }

        _key = new byte[AesKeyLength];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key, _key, salt: [], KeyInfo);
        _keyVersion = keyVersion;
    }

    /// <param name="normalizedPhone">As <see cref="PhoneNumbers.TryNormalize"/> gives it.</param>
    /// <param name="cardToken">The card's keyed PAN token: the only card the sealed phone opens for.</param>
    public byte[] Seal(string normalizedPhone, string cardToken)
    {
        ArgumentNullException.ThrowIfNull(normalizedPhone);
        ArgumentException.ThrowIfNullOrEmpty(cardToken);
        if (!PhoneNumbers.IsNormalized(normalizedPhone))
        {
            throw new ArgumentException("the phone is not normalized (PhoneNumbers.TryNormalize)", nameof(normalizedPhone));
        }

        var result = new byte[HeaderLength + normalizedPhone.Length + TagLength];
        result[0] = _keyVersion;
        var nonce = result.AsSpan(1, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        Span<byte> plain = stackalloc byte[normalizedPhone.Length];
        try
        {
            Encoding.ASCII.GetBytes(normalizedPhone, plain);
            using var aes = new AesGcm(_key, TagLength);
            aes.Encrypt(nonce, plain, result.AsSpan(HeaderLength, plain.Length), result.AsSpan(HeaderLength + plain.Length), AssociatedData(cardToken));
            return result;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <returns>Whether <paramref name="sealedPhone"/> opens for <paramref name="cardToken"/> with this key.</returns>
    public bool TryOpen(ReadOnlySpan<byte> sealedPhone, string cardToken, out string phone)
    {
        Span<byte> plain = stackalloc byte[PhoneNumbers.MaxDigits];
        try
        {
            if (!TryDecrypt(sealedPhone, cardToken, plain, out var length))
            {
                phone = string.Empty;
                return false;
            }

            phone = Encoding.ASCII.GetString(plain[..length]);
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>
    /// Whether the typed phone is the sealed one, compared in constant time over a fixed-size form,
    /// so neither where two numbers first differ nor whether their lengths differ shows in the time taken.
    /// </summary>
    /// <param name="typedNormalized">As <see cref="PhoneNumbers.TryNormalize"/> gives it; anything else does not match.</param>
    public bool Matches(ReadOnlySpan<byte> sealedPhone, string cardToken, string typedNormalized)
    {
        Span<byte> bound = stackalloc byte[ComparisonLength];
        Span<byte> typed = stackalloc byte[ComparisonLength];
        bound.Clear();
        typed.Clear();
        try
        {
            if (typedNormalized is null || !PhoneNumbers.IsNormalized(typedNormalized)
                || !TryDecrypt(sealedPhone, cardToken, bound[1..], out var boundLength))
            {
                return false;
            }

            bound[0] = (byte)boundLength;
            typed[0] = (byte)typedNormalized.Length;
            Encoding.ASCII.GetBytes(typedNormalized, typed[1..]);
            return CryptographicOperations.FixedTimeEquals(bound, typed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bound);
            CryptographicOperations.ZeroMemory(typed);
        }
    }

    private bool TryDecrypt(ReadOnlySpan<byte> sealedPhone, string cardToken, Span<byte> plain, out int length)
    {
        length = sealedPhone.Length - HeaderLength - TagLength;
        if (string.IsNullOrEmpty(cardToken) || length is < PhoneNumbers.MinDigits or > PhoneNumbers.MaxDigits || sealedPhone[0] != _keyVersion)
        {
            return false;
        }

        try
        {
            using var aes = new AesGcm(_key, TagLength);
            aes.Decrypt(sealedPhone.Slice(1, NonceLength), sealedPhone.Slice(HeaderLength, length), sealedPhone[^TagLength..], plain[..length], AssociatedData(cardToken));
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        return true;
    }

    private byte[] AssociatedData(string cardToken)
    {
        var data = new byte[1 + Encoding.UTF8.GetByteCount(cardToken)];
        data[0] = _keyVersion;
        Encoding.UTF8.GetBytes(cardToken, data.AsSpan(1));
        return data;
    }
}
