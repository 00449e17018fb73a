namespace Switch.Protocol.Iso8583.Encoding;

/// <summary>Packed BCD: two decimal digits per byte, high nibble first.</summary>
internal static class Bcd
{
    /// <summary>The nibble track data uses for the '=' field separator.</summary>
    public const byte Separator = 0xD;

    /// <summary>
    /// Where the digit <paramref name="index"/> of a value of <paramref name="digits"/> digits sits:
    /// an odd count with left padding shifts every digit one nibble right.
    /// </summary>
    public static int Nibble(ReadOnlySpan<byte> packed, int digits, bool leftPadded, int index)
    {
        var position = index + ((digits & 1) == 1 && leftPadded ? 1 : 0);
        var b = packed[position >> 1];
        return (position & 1) == 0 ? b >> 4 : b & 0x0F;
    }

    /// <summary>The index of the byte that holds digit <paramref name="index"/> (see <see cref="Nibble"/>).</summary>
    public static int ByteOf(int digits, bool leftPadded, int index) => (index + ((digits & 1) == 1 && leftPadded ? 1 : 0)) >> 1;

    /// <summary>Index of the first digit whose nibble is not a digit (or the separator, when allowed), or -1; <see cref="ByteOf"/> gives its byte.</summary>
    public static int IndexOfInvalid(ReadOnlySpan<byte> packed, int digits, bool leftPadded, bool allowSeparator)
    {
        for (var i = 0; i < digits; i++)
        {
            var n = Nibble(packed, digits, leftPadded, i);
            if (n > 9 && !(allowSeparator && n == Separator))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Writes <paramref name="digits"/> digits as ASCII ('=' for the separator nibble).</summary>
    public static void Unpack(ReadOnlySpan<byte> packed, int digits, bool leftPadded, Span<byte> ascii)
    {
        for (var i = 0; i < digits; i++)
        {
            var n = Nibble(packed, digits, leftPadded, i);
            ascii[i] = n == Separator ? (byte)'=' : (byte)('0' + n);
        }
    }

    /// <summary>Packs ASCII digits ('=' or 'D' become the separator nibble) with the pad nibble on the given side.</summary>
    public static void Pack(ReadOnlySpan<byte> ascii, bool leftPadded, byte padNibble, Span<byte> packed)
    {
        var shift = (ascii.Length & 1) == 1 && leftPadded ? 1 : 0;
        var bytes = (ascii.Length + 1) / 2;
        packed[..bytes].Clear();
        if ((ascii.Length & 1) == 1)
        {
            packed[leftPadded ? 0 : bytes - 1] = leftPadded ? (byte)(padNibble << 4) : padNibble;
        }

        for (var i = 0; i < ascii.Length; i++)
        {
            var c = ascii[i];
            var n = c is (byte)'=' or (byte)'D' ? Separator : c - '0';
            var position = i + shift;
            packed[position >> 1] |= (byte)((position & 1) == 0 ? n << 4 : n);
        }
    }
}
