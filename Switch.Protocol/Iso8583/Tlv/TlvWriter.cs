using System.Buffers;
using System.Text;
using Switch.Protocol.Iso8583.Encoding;

namespace Switch.Protocol.Iso8583.Tlv;

/// <summary>Writes tag-length-value elements straight into a span, without allocating.</summary>
public ref struct TlvWriter
{
    public const int MaxValueLength = 999;

    private readonly Span<byte> _destination;
    private readonly int _field;

    public TlvWriter(Span<byte> destination, int field = 0)
    {
        _destination = destination;
        _field = field;
        Written = 0;
    }

    public int Written { get; private set; }

    public void Write(scoped ReadOnlySpan<byte> tag, scoped ReadOnlySpan<byte> value)
    {
        var target = Reserve(tag, value.Length);
        value.CopyTo(target);
    }

    /// <summary>Writes a text value; every character must be ASCII.</summary>
    public void Write(scoped ReadOnlySpan<byte> tag, scoped ReadOnlySpan<char> value)
    {
        var target = Reserve(tag, value.Length);
        if (Ascii.FromUtf16(value, target, out _) != OperationStatus.Done)
        {
            Written -= TlvReader.HeaderLength + value.Length;
            throw new IsoFormatException(new IsoError(IsoErrorKind.InvalidContent, _field, Written, $"TLV {TagName(tag)} value is not ASCII"));
        }
    }

    /// <summary>Writes a non-negative number in decimal (attempts left, seconds to expiry).</summary>
    public void Write(scoped ReadOnlySpan<byte> tag, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Span<byte> digits = stackalloc byte[10];
        value.TryFormat(digits, out var count, provider: System.Globalization.CultureInfo.InvariantCulture);
        Write(tag, digits[..count]);
    }

    private Span<byte> Reserve(scoped ReadOnlySpan<byte> tag, int length)
    {
        if (tag.Length != 2)
        {
            throw new ArgumentException("a TLV tag is exactly 2 characters", nameof(tag));
        }

        if (length > MaxValueLength || _destination.Length - Written < TlvReader.HeaderLength + length)
        {
            throw new IsoFormatException(new IsoError(IsoErrorKind.TooLong, _field, Written,
                $"TLV {TagName(tag)} value of {length} bytes does not fit ({_destination.Length - Written - TlvReader.HeaderLength} bytes free, {MaxValueLength} at most)"));
        }

        tag.CopyTo(_destination[Written..]);
        AsciiDigits.WriteFixed(length, _destination.Slice(Written + 2, 3));
        var value = _destination.Slice(Written + TlvReader.HeaderLength, length);
        Written += TlvReader.HeaderLength + length;
        return value;
    }

    private static string TagName(ReadOnlySpan<byte> tag) => System.Text.Encoding.ASCII.GetString(tag);
}
