using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Switch.Protocol.Masking;

namespace Switch.Actors.Transactions;

/// <summary>
/// A card's stand-in wherever a stable id is needed (CardActor's entity id, journal fields): the first
/// 16 bytes of HMAC-SHA256(key, PAN) as 32 lowercase hex characters. Keyed, so that a stolen journal
/// cannot be reversed by hashing every PAN of a BIN range; 128 bits, so collisions among cards are
/// out of the question. The key must stay the same for the life of the journal, or every card
/// becomes a new entity.
/// </summary>
public sealed class PanToken
{
    private const int MinKeyLength = 32;
    private const int TokenBytes = 16;

    private readonly byte[] _key;

    /// <param name="key">At least 32 bytes (HMAC-SHA256's own strength); copied.</param>
    public PanToken(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinKeyLength)
        {
            throw new ArgumentException($"the PAN token key needs at least {MinKeyLength} bytes, it has {key.Length}", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>The token of a PAN given as ASCII digits.</summary>
    public string Compute(ReadOnlySpan<byte> asciiPan)
    {
        RequirePan(asciiPan, nameof(asciiPan));
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, asciiPan, mac);
        return Convert.ToHexStringLower(mac[..TokenBytes]);
    }

    /// <summary>The token of a PAN given as text (the admin API's card bindings).</summary>
    public string Compute(ReadOnlySpan<char> pan)
    {
        Span<byte> ascii = stackalloc byte[CardNumber.MaxLength];
        try
        {
            if (pan.Length > ascii.Length || Ascii.FromUtf16(pan, ascii, out var written) != System.Buffers.OperationStatus.Done)
            {
                throw new ArgumentException("a PAN is 12 to 19 ASCII digits", nameof(pan));
            }

            return Compute(ascii[..written]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ascii);
        }
    }

    /// <summary>First 6 / last 4 (<see cref="Mask.Pan"/>), the only form of a PAN that may be logged or stored.</summary>
    public static string MaskedPan(ReadOnlySpan<byte> asciiPan)
    {
        RequirePan(asciiPan, nameof(asciiPan));
        Span<char> chars = stackalloc char[CardNumber.MaxLength];
        try
        {
            Ascii.ToUtf16(asciiPan, chars, out var written);
            return Mask.Pan(chars[..written]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(chars));
        }
    }

    // Track data or a truncated PAN would tokenize to a different entity than the same card's PAN.
    private static void RequirePan(ReadOnlySpan<byte> pan, string parameter)
    {
        if (pan.Length is < CardNumber.MinLength or > CardNumber.MaxLength || pan.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            throw new ArgumentException("a PAN is 12 to 19 ASCII digits", parameter);
        }
    }
}
