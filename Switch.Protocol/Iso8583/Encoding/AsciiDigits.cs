using System.Buffers;

namespace Switch.Protocol.Iso8583.Encoding;

internal static class AsciiDigits
{
    private static readonly SearchValues<byte> TrackChars = SearchValues.Create("0123456789=D"u8);

    /// <summary>Index of the first byte that is not an ASCII digit, or -1.</summary>
    public static int IndexOfNonDigit(ReadOnlySpan<byte> value) => value.IndexOfAnyExceptInRange((byte)'0', (byte)'9');

    /// <summary>Index of the first byte not allowed in track data (digits and the '='/'D' separator), or -1.</summary>
    public static int IndexOfNonTrack(ReadOnlySpan<byte> value) => value.IndexOfAnyExcept(TrackChars);

    /// <summary>Parses up to 4 ASCII digits (a length prefix or header); -1 when any byte is not a digit.</summary>
    public static int ParseSmall(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            var d = c - '0';
            if ((uint)d > 9)
            {
                return -1;
            }

            value = (value * 10) + d;
        }

        return value;
    }

    /// <summary>Writes <paramref name="value"/> as exactly <paramref name="destination"/>.Length digits, zero-filled.</summary>
    public static void WriteFixed(int value, Span<byte> destination)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
