using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Switch.Actors.Cards.Challenges;

/// <summary>
/// One-time codes: drawn uniformly, kept only as a keyed hash and checked in constant time.
/// The hash is HMAC-SHA256(key, challenge id ":" code): keyed, so a journal read by someone without
/// the key does not give the code away by hashing all 10^6 of them; bound to the challenge id, so a
/// hash copied into another challenge does not accept the code it was made for. Thread-safe.
/// </summary>
public sealed class OneTimeCodes
{
    public const int MinKeyLength = 32;
    public const int MinDigits = 4;

    // 10^9 is the largest power of ten below int.MaxValue, RandomNumberGenerator.GetInt32's bound.
    public const int MaxDigits = 9;

    private const int MaxIdLength = 64;

    private readonly byte[] _key;
    private readonly int _bound;
    private readonly string _format;

    /// <param name="key">At least 32 bytes (HMAC-SHA256's own strength); copied.</param>
    /// <param name="digits">Length of every code, 4 to 9.</param>
    public OneTimeCodes(ReadOnlySpan<byte> key, int digits = 6)
    {
        if (key.Length < MinKeyLength)
        {
            throw new ArgumentException($"the one-time code key needs at least {MinKeyLength} bytes, it has {key.Length}", nameof(key));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(digits, MinDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, MaxDigits);
        _key = key.ToArray();
        Digits = digits;
        _bound = (int)Math.Pow(10, digits);
        _format = "D" + digits.ToString(CultureInfo.InvariantCulture);
    }

    public int Digits { get; }

    /// <summary>A fresh code, every one of the 10^<see cref="Digits"/> equally likely (leading zeros kept).</summary>
    public string Generate() =>
        RandomNumberGenerator.GetInt32(_bound).ToString(_format, CultureInfo.InvariantCulture);

    /// <summary>The keyed hash stored in place of <paramref name="code"/>.</summary>
    /// <exception cref="ArgumentException">The code is not <see cref="Digits"/> digits, or the id not 1 to 64 ASCII characters.</exception>
    public byte[] Hash(string challengeId, ReadOnlySpan<char> code)
    {
        if (!IsCode(code))
        {
            throw new ArgumentException($"a code is {Digits} digits", nameof(code));
        }

        var hash = new byte[HMACSHA256.HashSizeInBytes];
        Compute(challengeId, code, hash);
        return hash;
    }

    /// <summary>
    /// Whether <paramref name="typed"/> is the code <paramref name="storedHash"/> was made from, for
    /// this challenge. A code of the wrong length or with anything but digits is simply wrong; the
    /// hashes are compared in constant time.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> storedHash, string challengeId, ReadOnlySpan<char> typed)
    {
        if (storedHash.Length != HMACSHA256.HashSizeInBytes || !IsCode(typed))
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        try
        {
            Compute(challengeId, typed, hash);
            return CryptographicOperations.FixedTimeEquals(hash, storedHash);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(hash);
        }
    }

    private bool IsCode(ReadOnlySpan<char> code) => code.Length == Digits && !code.ContainsAnyExceptInRange('0', '9');

    private void Compute(string challengeId, ReadOnlySpan<char> code, Span<byte> hash)
    {
        ArgumentNullException.ThrowIfNull(challengeId);
        if (challengeId.Length is 0 or > MaxIdLength || !Ascii.IsValid(challengeId))
        {
            throw new ArgumentException($"a challenge id is 1 to {MaxIdLength} ASCII characters", nameof(challengeId));
        }

        Span<byte> message = stackalloc byte[MaxIdLength + 1 + MaxDigits];
        try
        {
            var length = Encoding.ASCII.GetBytes(challengeId, message);
            message[length++] = (byte)':';
            length += Encoding.ASCII.GetBytes(code, message[length..]);
            HMACSHA256.HashData(_key, message[..length], hash);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(message);
        }
    }
}
