using System.Globalization;
using Switch.Protocol.Iso8583.Encoding;

namespace Switch.Protocol.Iso8583.Tlv;

/// <summary>
/// Reads tag-length-value elements (2 ASCII tag characters, 3 ASCII length digits, the value) as
/// spans over the field, without allocating. A malformed element stops the walk and sets
/// <see cref="Error"/>, which names the field and the byte offset in the message.
/// </summary>
public ref struct TlvReader
{
    public const int HeaderLength = 5;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _field;
    private readonly int _baseOffset;
    private int _position;

    /// <param name="data">The field's value.</param>
    /// <param name="field">The field number, for error messages.</param>
    /// <param name="baseOffset">The value's offset in the message, for error messages.</param>
    public TlvReader(ReadOnlySpan<byte> data, int field = 0, int baseOffset = 0)
    {
        _data = data;
        _field = field;
        _baseOffset = baseOffset;
        _position = 0;
        Error = null;
    }

    /// <summary>Set when an element is malformed; null while the data is well formed.</summary>
    public IsoError? Error { get; private set; }

    /// <summary>The next element; false at the end of the data or at a malformed element.</summary>
    public bool TryRead(out ReadOnlySpan<byte> tag, out ReadOnlySpan<byte> value)
    {
        tag = default;
        value = default;
        var remaining = _data.Length - _position;
        if (remaining == 0 || Error is not null)
        {
            return false;
        }

        if (remaining < HeaderLength)
        {
            return Fail($"TLV element needs a {HeaderLength}-byte header, {remaining} bytes remain");
        }

        var length = AsciiDigits.ParseSmall(_data.Slice(_position + 2, 3));
        if (length < 0)
        {
            return Fail("TLV length is not 3 ASCII digits");
        }

        if (length > remaining - HeaderLength)
        {
            return Fail(string.Create(CultureInfo.InvariantCulture, $"TLV length {length} exceeds the {remaining - HeaderLength} bytes that remain"));
        }

        tag = _data.Slice(_position, 2);
        value = _data.Slice(_position + HeaderLength, length);
        _position += HeaderLength + length;
        return true;
    }

    /// <summary>The first element with <paramref name="tag"/>, searching from the start.</summary>
    public readonly bool TryFind(ReadOnlySpan<byte> tag, out ReadOnlySpan<byte> value)
    {
        var reader = new TlvReader(_data, _field, _baseOffset);
        while (reader.TryRead(out var t, out value))
        {
            if (t.SequenceEqual(tag))
            {
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Walks every element; returns the first malformation, or null when all are well formed.</summary>
    public readonly IsoError? Validate()
    {
        var reader = new TlvReader(_data, _field, _baseOffset);
        while (reader.TryRead(out _, out _))
        {
        }

        return reader.Error;
    }

    private bool Fail(string reason)
    {
        Error = new IsoError(IsoErrorKind.BadTlv, _field, _baseOffset + _position, reason);
        return false;
    }
}
