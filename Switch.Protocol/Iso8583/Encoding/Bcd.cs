namespace Switch.Protocol.Iso8583.Encoding;

/// <summary>
/// Packed BCD: two decimal digits per byte, high nibble first. An odd digit count carries one pad
/// nibble, first when left-padded (every digit shifts one nibble right), last when right-padded.
/// Everything works a byte (two digits) at a time: this is the binary profile's hot path.
/// </summary>
internal static class Bcd
{
    /// <summary>The nibble track data uses for the '=' field separator.</summary>
    public const byte Separator = 0xD;

    /// <summary>
    /// Index of the first byte holding a nibble that is neither a digit nor (when allowed) the
    /// separator, or -1. The pad nibble is not checked: peers pad with 0 or F.
    /// </summary>
    public static int IndexOfInvalid(ReadOnlySpan<byte> packed, int digits, bool leftPadded, bool allowSeparator)
    {
        var bytes = (digits + 1) >> 1;
        var odd = (digits & 1) == 1;
        for (var i = 0; i < bytes; i++)
        {
            var b = packed[i];
            var highValid = IsDigit(b >> 4, allowSeparator) || (odd && leftPadded && i == 0);
            var lowValid = IsDigit(b & 0x0F, allowSeparator) || (odd && !leftPadded && i == bytes - 1);
            if (!(highValid && lowValid))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Writes <paramref name="digits"/> digits as ASCII ('=' for the separator nibble).</summary>
    public static void Unpack(ReadOnlySpan<byte> packed, int digits, bool leftPadded, Span<byte> ascii)
    {
        var bytes = packed[..((digits + 1) >> 1)];
        var at = 0;
        var skipFirstNibble = (digits & 1) == 1 && leftPadded;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (i > 0 || !skipFirstNibble)
            {
                ascii[at++] = Character(b >> 4);
            }

            if (at < digits)
            {
                ascii[at++] = Character(b & 0x0F);
            }
        }
    }

    /// <summary>Packs ASCII digits ('=' or 'D' become the separator nibble) with the pad nibble on the given side.</summary>
    public static void Pack(ReadOnlySpan<byte> ascii, bool leftPadded, byte padNibble, Span<byte> packed)
    {
        var odd = (ascii.Length & 1) == 1;
        int i = 0, o = 0;
        if (odd && leftPadded)
        {
            packed[o++] = (byte)((padNibble << 4) | Nibble(ascii[i++]));
        }

        for (; i + 1 < ascii.Length; i += 2)
        {
            packed[o++] = (byte)((Nibble(ascii[i]) << 4) | Nibble(ascii[i + 1]));
        }

        if (i < ascii.Length)
        {
            packed[o] = (byte)((Nibble(ascii[i]) << 4) | padNibble);
        }
    }

    private static int Nibble(byte character) => character is (byte)'=' or (byte)'D' ? Separator : character - '0';

    private static bool IsDigit(int nibble, bool allowSeparator) => nibble <= 9 || (allowSeparator && nibble == Separator);

    private static byte Character(int nibble) => nibble == Separator ? (byte)'=' : (byte)('0' + nibble);
}
