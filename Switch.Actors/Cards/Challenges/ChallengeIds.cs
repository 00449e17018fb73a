using System.Buffers;
using System.Security.Cryptography;

namespace Switch.Actors.Cards.Challenges;

/// <summary>
/// Challenge ids (field 62, tag CI): 120 random bits as 24 characters of RFC 4648 base32
/// (<c>A–Z</c>, <c>2–7</c>), without padding. Unguessable, because a guessed id would let another
/// terminal's request step into someone's challenge; short and upper-case ASCII, because terminals
/// show and echo them and the terminal entity takes no id longer than 32 characters.
/// </summary>
public static class ChallengeIds
{
    private const int RandomBytes = 15;
    private const int BitsPerCharacter = 5;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    /// <summary>Characters in an id: 120 bits are exactly 24 base32 characters.</summary>
    public const int Length = RandomBytes * 8 / BitsPerCharacter;

    public static string New()
    {
        Span<byte> random = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(random);
        Span<char> chars = stackalloc char[Length];
        var buffer = 0;
        var bits = 0;
        var written = 0;
        foreach (var b in random)
        {
            buffer = ((buffer << 8) | b) & 0xFFF;
            bits += 8;
            while (bits >= BitsPerCharacter)
            {
                bits -= BitsPerCharacter;
                chars[written++] = Alphabet[(buffer >> bits) & 0x1F];
            }
        }

        return new string(chars);
    }

    /// <summary>Whether <paramref name="id"/> has the form <see cref="New"/> gives.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> id) =>
        id.Length == Length && !id.ContainsAnyExcept(AlphabetValues);
}
