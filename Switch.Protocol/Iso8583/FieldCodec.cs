using System.Buffers.Binary;
using Switch.Protocol.Iso8583.Encoding;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Protocol.Iso8583;

/// <summary>
/// The spec-driven part of the codec that reader and writer share: length prefixes, content checks,
/// and the mapping between a value as the application sees it (ASCII characters or digits, raw bytes
/// for b) and its bytes on the wire.
/// </summary>
internal static class FieldCodec
{
    /// <summary>Reads a length prefix; -1 when its bytes are not a valid number in its encoding.</summary>
    public static int ReadPrefix(FieldSpec spec, ReadOnlySpan<byte> prefix)
    {
        switch (spec.PrefixEncoding)
        {
            case PrefixEncoding.Ascii:
                return AsciiDigits.ParseSmall(prefix);
            case PrefixEncoding.Binary:
                return prefix.Length == 1 ? prefix[0] : BinaryPrimitives.ReadUInt16BigEndian(prefix);
            default:
                var value = 0;
                foreach (var b in prefix)
                {
                    int hi = b >> 4, lo = b & 0x0F;
                    if (hi > 9 || lo > 9)
                    {
                        return -1;
                    }

                    value = (value * 100) + (hi * 10) + lo;
                }

                return value;
        }
    }

    public static void WritePrefix(FieldSpec spec, int units, Span<byte> prefix)
    {
        switch (spec.PrefixEncoding)
        {
            case PrefixEncoding.Ascii:
                AsciiDigits.WriteFixed(units, prefix);
                break;
            case PrefixEncoding.Binary when prefix.Length == 1:
                prefix[0] = (byte)units;
                break;
            case PrefixEncoding.Binary:
                BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)units);
                break;
            default:
                for (var i = prefix.Length - 1; i >= 0; i--)
                {
                    prefix[i] = (byte)(((units / 10 % 10) << 4) | (units % 10));
                    units /= 100;
                }

                break;
        }
    }

    /// <summary>Byte offset (within the value) of the first byte the content type forbids, or -1.</summary>
    public static int IndexOfInvalidWire(FieldSpec spec, ReadOnlySpan<byte> wire, int units)
    {
        switch (spec.Encoding)
        {
            case ValueEncoding.Ascii:
                return IndexOfInvalidText(spec.Type, wire);
            case ValueEncoding.Hex:
                return Hex.IndexOfInvalid(wire);
            case ValueEncoding.Bcd when spec.Type == ContentType.SignedAmount:
                if (!IsSign(wire[0]))
                {
                    return 0;
                }

                var bad = Bcd.IndexOfInvalid(wire[1..], units - 1, LeftPadded(spec), allowSeparator: false);
                return bad < 0 ? -1 : 1 + bad;
            case ValueEncoding.Bcd:
                return Bcd.IndexOfInvalid(wire, units, LeftPadded(spec), spec.Type == ContentType.Track);
            default:
                return -1;
        }
    }

    /// <summary>Index of the first character the content type forbids in a value given as ASCII, or -1.</summary>
    public static int IndexOfInvalidText(ContentType type, ReadOnlySpan<byte> text) => type switch
    {
        ContentType.Numeric => AsciiDigits.IndexOfNonDigit(text),
        ContentType.Track => AsciiDigits.IndexOfNonTrack(text),
        ContentType.SignedAmount when text.IsEmpty || !IsSign(text[0]) => 0,
        ContentType.SignedAmount => IndexAfter(1, AsciiDigits.IndexOfNonDigit(text[1..])),
        _ => -1,
    };

    /// <summary>Writes the application's form of a wire value into <paramref name="destination"/>; returns its length.</summary>
    public static int Decode(FieldSpec spec, ReadOnlySpan<byte> wire, int units, Span<byte> destination)
    {
        switch (spec.Encoding)
        {
            case ValueEncoding.Hex:
                Hex.Decode(wire, destination);
                break;
            case ValueEncoding.Bcd when spec.Type == ContentType.SignedAmount:
                destination[0] = wire[0];
                Bcd.Unpack(wire[1..], units - 1, LeftPadded(spec), destination[1..]);
                break;
            case ValueEncoding.Bcd:
                Bcd.Unpack(wire, units, LeftPadded(spec), destination);
                break;
            default:
                wire.CopyTo(destination);
                break;
        }

        return units;
    }

    /// <summary>
    /// Writes the value (ASCII text or digits; raw bytes for b) as wire bytes, padded to a fixed
    /// length as the spec says. The caller has checked the length and the content.
    /// </summary>
    public static void Encode(FieldSpec spec, ReadOnlySpan<byte> value, int units, Span<byte> wire)
    {
        switch (spec.Encoding)
        {
            case ValueEncoding.Hex:
                Hex.Encode(value, wire);
                break;
            case ValueEncoding.Binary:
                value.CopyTo(wire);
                break;
            case ValueEncoding.Ascii when spec.Type == ContentType.SignedAmount && value.Length < units:
                // The sign stays first; the digits after it are zero-filled on the left.
                wire[0] = value[0];
                wire[1..units].Fill((byte)'0');
                value[1..].CopyTo(wire[(1 + units - value.Length)..]);
                break;
            case ValueEncoding.Ascii:
                var fill = units - value.Length;
                var left = spec.Padding.Side == PadSide.Left;
                wire[..units].Fill(spec.Padding.Fill);
                value.CopyTo(wire[(left ? fill : 0)..]);
                break;
            case ValueEncoding.Bcd when spec.Type == ContentType.SignedAmount:
                wire[0] = value[0];
                PackDigits(spec, value[1..], units - 1, wire[1..]);
                break;
            default:
                PackDigits(spec, value, units, wire);
                break;
        }
    }

    private static void PackDigits(FieldSpec spec, ReadOnlySpan<byte> digits, int units, Span<byte> wire)
    {
        if (digits.Length == units)
        {
            Bcd.Pack(digits, LeftPadded(spec), spec.Padding.Fill, wire);
            return;
        }

        // A short number in a fixed BCD field is zero-filled on the left, as jPOS's LeftPadder does.
        Span<byte> padded = stackalloc byte[units];
        padded[..(units - digits.Length)].Fill((byte)'0');
        digits.CopyTo(padded[(units - digits.Length)..]);
        Bcd.Pack(padded, LeftPadded(spec), spec.Padding.Fill, wire);
    }

    /// <summary>Whether a shorter value can be padded up to a fixed length, and with what.</summary>
    public static bool CanPad(FieldSpec spec) => spec.Encoding switch
    {
        ValueEncoding.Ascii => spec.Padding.Side != PadSide.None,
        ValueEncoding.Bcd => spec.Type == ContentType.Numeric || spec.Type == ContentType.SignedAmount,
        _ => false,
    };

    private static bool LeftPadded(FieldSpec spec) => spec.Padding.Side == PadSide.Left;

    private static bool IsSign(byte b) => b is (byte)'C' or (byte)'D';

    private static int IndexAfter(int start, int index) => index < 0 ? -1 : start + index;
}
