namespace Switch.Protocol.Iso8583.Encoding;

/// <summary>Binary as ASCII hex, upper case on write as jPOS writes it, either case on read.</summary>
internal static class Hex
{
    private static ReadOnlySpan<byte> Digits => "0123456789ABCDEF"u8;

    public static void Encode(ReadOnlySpan<byte> bytes, Span<byte> ascii)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            ascii[2 * i] = Digits[bytes[i] >> 4];
            ascii[(2 * i) + 1] = Digits[bytes[i] & 0x0F];
        }
    }

    /// <summary>Decodes hex pairs; returns the index of the first invalid character, or -1.</summary>
    public static int Decode(ReadOnlySpan<byte> ascii, Span<byte> bytes)
    {
        for (var i = 0; i < ascii.Length / 2; i++)
        {
            var hi = Value(ascii[2 * i]);
            if (hi < 0)
            {
                return 2 * i;
            }

            var lo = Value(ascii[(2 * i) + 1]);
            if (lo < 0)
            {
                return (2 * i) + 1;
            }

            bytes[i] = (byte)((hi << 4) | lo);
        }

        return -1;
    }

    public static int IndexOfInvalid(ReadOnlySpan<byte> ascii)
    {
        for (var i = 0; i < ascii.Length; i++)
        {
            if (Value(ascii[i]) < 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static int Value(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };
}
