using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Switch.Protocol.Iso8583.Encoding;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Protocol.Iso8583;

/// <summary>
/// Writes one message straight into a span or an <see cref="IBufferWriter{T}"/>, fields in ascending
/// order, without allocating. The bitmap is patched in at <see cref="Complete"/>; room for a secondary
/// bitmap is made (the fields so far moved up) when the first field above 64 is written, so a message
/// needs no more room than its own length. Values the spec cannot carry (too long, a
/// letter in an n field) raise <see cref="IsoFormatException"/> naming the field.
/// </summary>
public ref struct IsoMessageWriter
{
    /// <summary>Default space asked of an <see cref="IBufferWriter{T}"/>: the default maximum frame.</summary>
    public const int DefaultCapacity = 4096;

    private readonly Span<byte> _buffer;
    private readonly IsoProfile _profile;
    private readonly IBufferWriter<byte>? _output;
    private readonly int _bitmapOffset;
    private int _position;
    private int _lastField;
    private int _openField;
    private ulong _primary;
    private ulong _secondary;
    private bool _secondaryReserved;

    public IsoMessageWriter(Span<byte> destination, IsoProfile profile, int mti)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfNegative(mti);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mti, 9999);
        _buffer = destination;
        _profile = profile;
        _output = null;
        _lastField = 1;
        _openField = 0;
        _primary = 0;
        _secondary = 0;
        _secondaryReserved = false;
        var mtiBytes = profile.MtiBytes;
        _bitmapOffset = mtiBytes;
        _position = mtiBytes + profile.BitmapBytes;
        EnsureRoom(IsoError.MtiField, _position);
        Span<byte> digits = stackalloc byte[4];
        AsciiDigits.WriteFixed(mti, digits);
        if (profile.Mti == MtiEncoding.Ascii)
        {
            digits.CopyTo(_buffer);
        }
        else
        {
            Bcd.Pack(digits, leftPadded: false, 0, _buffer);
        }
    }

    /// <summary>Writes into <paramref name="output"/>, asking it for <paramref name="capacity"/> bytes up front.</summary>
    public IsoMessageWriter(IBufferWriter<byte> output, IsoProfile profile, int mti, int capacity = DefaultCapacity)
        : this((output ?? throw new ArgumentNullException(nameof(output))).GetSpan(capacity), profile, mti)
    {
        _output = output;
    }

    /// <summary>Bytes written so far, bitmap space included (the secondary bitmap's once a field above 64 is written).</summary>
    public readonly int Position => _position;

    /// <summary>A numeric field from a non-negative number: zero-filled to a fixed length, minimal digits when variable.</summary>
    public void WriteNumber(int field, long value)
    {
        if (value < 0)
        {
            throw Error(IsoErrorKind.InvalidContent, field, "a negative number cannot be written to an unsigned numeric field");
        }

        Span<byte> digits = stackalloc byte[20];
        value.TryFormat(digits, out var count, provider: CultureInfo.InvariantCulture);
        Write(field, digits[..count]);
    }

    /// <summary>A text value; every character must be ASCII.</summary>
    public void Write(int field, scoped ReadOnlySpan<char> value)
    {
        var rented = value.Length > 512 ? ArrayPool<byte>.Shared.Rent(value.Length) : null;
        try
        {
            Span<byte> bytes = rented is null ? stackalloc byte[value.Length] : rented.AsSpan(0, value.Length);
            if (Ascii.FromUtf16(value, bytes, out _) != OperationStatus.Done)
            {
                throw Error(IsoErrorKind.InvalidContent, field, "value is not ASCII");
            }

            Write(field, bytes);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// A value as the application sees it: ASCII characters or digits, raw bytes for b fields.
    /// The spec decides the wire form (BCD, hex, padding, length prefix).
    /// </summary>
    public void Write(int field, scoped ReadOnlySpan<byte> value)
    {
        var spec = Open(field);
        var units = value.Length;
        if (units > spec.Length)
        {
            throw Error(IsoErrorKind.LengthOutOfRange, field, $"value of {units} exceeds maximum {spec.Length}");
        }

        if (spec.IsFixed && units != spec.Length)
        {
            if (!FieldCodec.CanPad(spec) || (spec.Type == ContentType.SignedAmount && units == 0))
            {
                throw Error(IsoErrorKind.LengthOutOfRange, field, $"value of {units} must be exactly {spec.Length}");
            }

            units = spec.Length;
        }

        var bad = FieldCodec.IndexOfInvalidText(spec.Type, value);
        if (bad >= 0)
        {
            throw Error(IsoErrorKind.InvalidContent, field, $"character at {bad} is not allowed in a {spec.Type} value");
        }

        var bytes = spec.WireBytes(units);
        EnsureRoom(field, _position + spec.PrefixBytes + bytes);
        if (!spec.IsFixed)
        {
            FieldCodec.WritePrefix(spec, units, _buffer.Slice(_position, spec.PrefixBytes));
        }

        FieldCodec.Encode(spec, value, units, _buffer.Slice(_position + spec.PrefixBytes, bytes));
        Close(field, spec.PrefixBytes + bytes);
    }

    /// <summary>
    /// Copies a field from a parsed message: byte for byte when both share the spec, through the
    /// application form otherwise. Absent fields are skipped.
    /// </summary>
    public void Copy(in IsoMessage source, int field)
    {
        if (!source.Has(field))
        {
            return;
        }

        var sourceSpec = source.Profile[field]!;
        if (_profile[field] is not { } spec || !(ReferenceEquals(spec, sourceSpec) || spec == sourceSpec))
        {
            Span<byte> value = stackalloc byte[source.Length(field)];
            source.CopyValue(field, value);
            Write(field, value);
            return;
        }

        Open(field);
        var wire = source.Raw(field);
        EnsureRoom(field, _position + spec.PrefixBytes + wire.Length);
        if (!spec.IsFixed)
        {
            FieldCodec.WritePrefix(spec, source.Length(field), _buffer.Slice(_position, spec.PrefixBytes));
        }

        wire.CopyTo(_buffer[(_position + spec.PrefixBytes)..]);
        Close(field, spec.PrefixBytes + wire.Length);
    }

    /// <summary>
    /// Opens a variable text or binary field to be written in place (field 62's TLV): returns the
    /// space for its value, at most the field's maximum. Finish with <see cref="EndField"/>.
    /// </summary>
    public Span<byte> BeginField(int field)
    {
        var spec = Open(field);
        if (spec.IsFixed || spec.Encoding is not (ValueEncoding.Ascii or ValueEncoding.Binary))
        {
            throw new InvalidOperationException($"field {field} is not a variable ASCII or binary field; use Write");
        }

        var start = _position + spec.PrefixBytes;
        EnsureRoom(field, start);
        _openField = field;
        return _buffer.Slice(start, Math.Min(spec.Length, _buffer.Length - start));
    }

    /// <summary>Finishes the field <see cref="BeginField"/> opened, with <paramref name="length"/> bytes written.</summary>
    public void EndField(int length)
    {
        if (_openField == 0)
        {
            throw new InvalidOperationException("no field is open");
        }

        var field = _openField;
        var spec = _profile[field]!;
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, spec.Length);
        FieldCodec.WritePrefix(spec, length, _buffer.Slice(_position, spec.PrefixBytes));
        _openField = 0;
        Close(field, spec.PrefixBytes + length);
    }

    /// <summary>Writes the bitmap and returns the message length; advances the buffer writer when there is one.</summary>
    public int Complete()
    {
        if (_openField != 0)
        {
            throw new InvalidOperationException($"field {_openField} was begun but not ended");
        }

        var bitmapBytes = _profile.BitmapBytes;
        var fieldsStart = _bitmapOffset + (2 * bitmapBytes);
        var primary = _primary;
        if (_secondary != 0)
        {
            primary |= 1UL << 63;
            WriteBitmap(_secondary, _buffer.Slice(_bitmapOffset + bitmapBytes, bitmapBytes));
        }
        else if (_secondaryReserved)
        {
            // Room for a secondary bitmap was made for a field above 64 that was then refused: close the gap.
            _buffer[fieldsStart.._position].CopyTo(_buffer[(fieldsStart - bitmapBytes)..]);
            _position -= bitmapBytes;
            _secondaryReserved = false;
        }

        WriteBitmap(primary, _buffer.Slice(_bitmapOffset, bitmapBytes));
        _output?.Advance(_position);
        return _position;
    }

    private readonly void WriteBitmap(ulong bitmap, Span<byte> destination)
    {
        if (_profile.Bitmap == BitmapEncoding.Binary)
        {
            BinaryPrimitives.WriteUInt64BigEndian(destination, bitmap);
            return;
        }

        Span<byte> raw = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(raw, bitmap);
        Hex.Encode(raw, destination);
    }

    private FieldSpec Open(int field)
    {
        if (_openField != 0)
        {
            throw new InvalidOperationException($"field {_openField} was begun but not ended");
        }

        if (field <= _lastField || field > IsoLimits.MaxField)
        {
            throw new ArgumentOutOfRangeException(nameof(field), field, $"fields are written once each, in ascending order, 2..{IsoLimits.MaxField}; the last was {_lastField}");
        }

        var spec = _profile[field] ?? throw new ArgumentOutOfRangeException(nameof(field), field, $"profile {_profile.Name} does not define field {field}");
        if (field > 64 && !_secondaryReserved)
        {
            ReserveSecondaryBitmap(field);
        }

        return spec;
    }

    /// <summary>Moves the fields written so far up by one bitmap, making room for the secondary bitmap.</summary>
    private void ReserveSecondaryBitmap(int field)
    {
        var bitmapBytes = _profile.BitmapBytes;
        EnsureRoom(field, _position + bitmapBytes);
        var fieldsStart = _bitmapOffset + bitmapBytes;
        _buffer[fieldsStart.._position].CopyTo(_buffer[(fieldsStart + bitmapBytes)..]);
        _position += bitmapBytes;
        _secondaryReserved = true;
    }

    private void Close(int field, int bytes)
    {
        _position += bytes;
        _lastField = field;
        if (field <= 64)
        {
            _primary |= 1UL << (64 - field);
        }
        else
        {
            _secondary |= 1UL << (128 - field);
        }
    }

    private readonly void EnsureRoom(int field, int end)
    {
        if (end > _buffer.Length || end > IsoLimits.MaxMessageLength)
        {
            throw Error(IsoErrorKind.TooLong, field, $"message would need {end} bytes; {Math.Min(_buffer.Length, IsoLimits.MaxMessageLength)} available");
        }
    }

    private readonly IsoFormatException Error(IsoErrorKind kind, int field, string reason) =>
        new(new IsoError(kind, field, _position, reason));
}
