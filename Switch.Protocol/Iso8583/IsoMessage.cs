using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Switch.Protocol.Iso8583.Encoding;
using Switch.Protocol.Iso8583.Specs;
using Switch.Protocol.Iso8583.Tlv;
using Switch.Protocol.Masking;

namespace Switch.Protocol.Iso8583;

/// <summary>
/// A parsed ISO 8583 message: a view over the frame's bytes that indexes every field's offset once
/// and hands values out as spans or numbers. Nothing is copied and nothing allocated. It lives on the
/// stack (a ref struct) so it cannot outlive the buffer it reads; pass it by <c>in</c>.
/// <see cref="ToString"/> is the masked debug form, so logging a message never leaks a PAN.
/// </summary>
public ref struct IsoMessage
{
    private ReadOnlySpan<byte> _data;
    private IsoProfile _profile;
    private ulong _primary;
    private ulong _secondary;
    private int _mti;
    private int _indexedThrough;
    private ulong _invalidPrimary;
    private FieldSlots _slots;

    /// <summary>The MTI as a number: 200 for "0200".</summary>
    public readonly int Mti => _mti;

    public readonly IsoProfile Profile => _profile;

    /// <summary>The whole message as received.</summary>
    public readonly ReadOnlySpan<byte> Bytes => _data;

    /// <summary>Whether the message carried a secondary bitmap (bit 1), even one naming no field.</summary>
    public readonly bool HasSecondaryBitmap => (_primary & (1UL << 63)) != 0;

    /// <summary>Parses or throws <see cref="IsoFormatException"/>, the codec's only exception.</summary>
    public static IsoMessage Parse(ReadOnlySpan<byte> data, IsoProfile profile) =>
        TryParse(data, profile, out var message, out var error) ? message : throw new IsoFormatException(error);

    public static bool TryParse(ReadOnlySpan<byte> data, IsoProfile profile, out IsoMessage message, [NotNullWhen(false)] out IsoError? error)
    {
        ArgumentNullException.ThrowIfNull(profile);
        message = default;
        message._data = data;
        message._profile = profile;
        error = message.Index();
        if (error is not null)
        {
            message = default;
            return false;
        }

        return true;
    }

    public readonly bool Has(int field) => field switch
    {
        >= 2 and <= 64 => (_primary & (1UL << (64 - field))) != 0,
        > 64 and <= IsoLimits.MaxField => (_secondary & (1UL << (128 - field))) != 0,
        _ => false,
    };

    /// <summary>The present fields in ascending order.</summary>
    public readonly FieldEnumerator Fields => new(_primary & ~(1UL << 63), _secondary);

    /// <summary>The value's bytes as they are on the wire (no length prefix); empty when absent.</summary>
    public readonly ReadOnlySpan<byte> Raw(int field)
    {
        if (!Has(field))
        {
            return default;
        }

        var slot = _slots[field];
        return _data.Slice((int)(slot >> 16), (int)(slot & 0xFFFF));
    }

    /// <summary>The value's length in units (digits, characters or bytes); 0 when absent.</summary>
    public readonly int Length(int field)
    {
        if (!Has(field))
        {
            return 0;
        }

        var spec = _profile[field]!;
        if (spec.IsFixed)
        {
            return spec.Length;
        }

        var offset = (int)(_slots[field] >> 16);
        return FieldCodec.ReadPrefix(spec, _data.Slice(offset - spec.PrefixBytes, spec.PrefixBytes));
    }

    /// <summary>
    /// Copies the value as the application sees it (ASCII text or digits; raw bytes for b fields)
    /// into <paramref name="destination"/>, which must hold <see cref="Length"/> bytes. Returns the count.
    /// </summary>
    public readonly int CopyValue(int field, Span<byte> destination)
    {
        var units = Length(field);
        if (units == 0)
        {
            return 0;
        }

        if (destination.Length < units)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes; field {field} needs {units}", nameof(destination));
        }

        return FieldCodec.Decode(_profile[field]!, Raw(field), units, destination);
    }

    /// <summary>Compares the value (application form) with <paramref name="expected"/> without allocating.</summary>
    public readonly bool ValueEquals(int field, ReadOnlySpan<byte> expected)
    {
        if (!Has(field))
        {
            return false;
        }

        var spec = _profile[field]!;
        if (spec.Encoding is ValueEncoding.Ascii or ValueEncoding.Binary)
        {
            return Raw(field).SequenceEqual(expected);
        }

        var units = Length(field);
        if (units != expected.Length)
        {
            return false;
        }

        Span<byte> value = units <= 256 ? stackalloc byte[units] : new byte[units];
        FieldCodec.Decode(spec, Raw(field), units, value);
        return value.SequenceEqual(expected);
    }

    /// <summary>A numeric field as a long; throws <see cref="IsoFormatException"/> when absent or too large.</summary>
    public readonly long GetInt64(int field) =>
        TryGetInt64(field, out var value) ? value : throw new IsoFormatException(NumberError(field));

    /// <summary>A numeric field as an int (STAN, processing code); throws when absent or too large.</summary>
    public readonly int GetInt32(int field)
    {
        var value = GetInt64(field);
        return value <= int.MaxValue ? (int)value : throw new IsoFormatException(NumberError(field));
    }

    /// <summary>A numeric (n) field as a long; false when absent, not numeric, or beyond 18 significant digits.</summary>
    public readonly bool TryGetInt64(int field, out long value)
    {
        value = 0;
        var spec = _profile[field];
        if (spec is null || spec.Type != ContentType.Numeric || !Has(field))
        {
            return false;
        }

        var wire = Raw(field);
        if (spec.Encoding == ValueEncoding.Ascii)
        {
            return Accumulate(wire, ref value);
        }

        var units = Length(field);
        Span<byte> digits = stackalloc byte[units];
        Bcd.Unpack(wire, units, spec.Padding.Side == PadSide.Left, digits);
        return Accumulate(digits, ref value);
    }

    /// <summary>The value (application form) as a string. Allocates: for the edges, not the hot path.</summary>
    public readonly string GetString(int field)
    {
        var units = Length(field);
        if (units == 0)
        {
            return string.Empty;
        }

        var spec = _profile[field]!;
        Span<byte> value = units <= 256 ? stackalloc byte[units] : new byte[units];
        FieldCodec.Decode(spec, Raw(field), units, value);
        return spec.Type == ContentType.Binary ? Convert.ToHexString(value) : System.Text.Encoding.Latin1.GetString(value);
    }

    /// <summary>The TLV elements of a field (field 62's challenge data); empty when absent.</summary>
    public readonly TlvReader Tlv(int field) => new(Raw(field), field, Has(field) ? (int)(_slots[field] >> 16) : 0);

    /// <summary>The masked debug form: PAN as first 6 / last 4, secrets hidden, challenge code hidden.</summary>
    public override readonly string ToString() => MessageFormatter.Format(in this);

    private static bool Accumulate(ReadOnlySpan<byte> digits, ref long value)
    {
        var significant = digits.IndexOfAnyExcept((byte)'0');
        if (significant < 0)
        {
            return true;
        }

        digits = digits[significant..];
        if (digits.Length > 18)
        {
            return false;
        }

        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private readonly IsoError NumberError(int field) => Has(field)
        ? Fail(IsoErrorKind.NumberOutOfRange, field, (int)(_slots[field] >> 16), "value is not a number that fits")
        : Fail(IsoErrorKind.MissingField, field, _data.Length, "required field is absent");

    private IsoError? Index()
    {
        if (_data.Length > IsoLimits.MaxMessageLength)
        {
            return Fail(IsoErrorKind.TooLong, IsoError.MtiField, 0, $"message of {_data.Length} bytes exceeds {IsoLimits.MaxMessageLength}");
        }

        var mtiBytes = _profile.MtiBytes;
        if (_data.Length < mtiBytes)
        {
            return Fail(IsoErrorKind.Truncated, IsoError.MtiField, 0, $"needs {mtiBytes} bytes, {_data.Length} present");
        }

        var mti = ReadMti(_data[..mtiBytes]);
        if (mti < 0)
        {
            return Fail(IsoErrorKind.BadMti, IsoError.MtiField, 0, "not four decimal digits");
        }

        _mti = mti;
        var position = mtiBytes;
        if (!TryReadBitmap(ref position, out _primary) ||
            ((_primary & (1UL << 63)) != 0 && !TryReadBitmap(ref position, out _secondary)))
        {
            var remaining = _data.Length - position;
            if (remaining < _profile.BitmapBytes)
            {
                return Fail(IsoErrorKind.Truncated, IsoError.BitmapField, position, $"needs {_profile.BitmapBytes} bytes, {remaining} remain");
            }

            // All there but not hex: point at the offending character.
            var bad = position + Hex.IndexOfInvalid(_data.Slice(position, _profile.BitmapBytes));
            return Fail(IsoErrorKind.InvalidContent, IsoError.BitmapField, bad, $"byte 0x{_data[bad]:X2} is not a hexadecimal digit");
        }

        // A value with bad content still has known bounds, so indexing carries on past it: the
        // fields after it (the STAN, the TID) may still identify the sender, who then hears 30
        // instead of losing the connection. The first error found is the one reported.
        IsoError? badContent = null;
        foreach (var field in Fields)
        {
            var error = IndexField(field, ref position);
            if (error is null)
            {
                continue;
            }

            badContent ??= error;
            if (error.Kind != IsoErrorKind.InvalidContent)
            {
                break;
            }
        }

        if (badContent is not null)
        {
            return Fail(badContent.Kind, badContent.Field, badContent.Offset, badContent.Reason);
        }

        if (position != _data.Length)
        {
            return Fail(IsoErrorKind.TrailingBytes, IsoError.BitmapField, position, $"{_data.Length - position} bytes follow the last field the bitmap names");
        }

        return null;
    }

    private IsoError? IndexField(int field, ref int position)
    {
        var spec = _profile[field];
        if (spec is null)
        {
            return Fail(IsoErrorKind.UndefinedField, field, position, $"present in the bitmap but profile {_profile.Name} does not define it");
        }

        var remaining = _data.Length - position;
        var units = spec.Length;
        if (!spec.IsFixed)
        {
            if (remaining < spec.PrefixBytes)
            {
                return Fail(IsoErrorKind.Truncated, field, position, $"{spec.Prefix}VAR length prefix needs {spec.PrefixBytes} bytes, {remaining} remain");
            }

            units = FieldCodec.ReadPrefix(spec, _data.Slice(position, spec.PrefixBytes));
            if (units < 0)
            {
                return Fail(IsoErrorKind.BadLengthPrefix, field, position, $"{spec.Prefix}VAR length prefix is not a {spec.PrefixEncoding} number");
            }

            if (units > spec.Length)
            {
                return Fail(IsoErrorKind.LengthOutOfRange, field, position, $"{spec.Prefix}VAR length {units} exceeds maximum {spec.Length}");
            }

            position += spec.PrefixBytes;
            remaining -= spec.PrefixBytes;
        }

        var bytes = spec.WireBytes(units);
        if (remaining < bytes)
        {
            return Fail(IsoErrorKind.Truncated, field, position, $"value needs {bytes} bytes, {remaining} remain");
        }

        var value = _data.Slice(position, bytes);
        if (units > 0)
        {
            var bad = FieldCodec.IndexOfInvalidWire(spec, value, units);
            if (bad >= 0)
            {
                if (field <= 64)
                {
                    _invalidPrimary |= 1UL << (64 - field);
                }

                position += bytes;
                return Fail(IsoErrorKind.InvalidContent, field, position - bytes + bad, $"byte 0x{value[bad]:X2} is not allowed in a {spec.Type} ({spec.Encoding}) value");
            }
        }

        _slots[field] = ((uint)position << 16) | (uint)bytes;
        _indexedThrough = field;
        position += bytes;
        return null;
    }

    private readonly int ReadMti(ReadOnlySpan<byte> bytes)
    {
        if (_profile.Mti == MtiEncoding.Ascii)
        {
            return AsciiDigits.ParseSmall(bytes);
        }

        return Bcd.IndexOfInvalid(bytes, 4, leftPadded: false, allowSeparator: false) >= 0
            ? -1
            : ((bytes[0] >> 4) * 1000) + ((bytes[0] & 0xF) * 100) + ((bytes[1] >> 4) * 10) + (bytes[1] & 0xF);
    }

    private readonly bool TryReadBitmap(ref int position, out ulong bitmap)
    {
        bitmap = 0;
        var size = _profile.BitmapBytes;
        if (_data.Length - position < size)
        {
            return false;
        }

        var bytes = _data.Slice(position, size);
        if (_profile.Bitmap == BitmapEncoding.Binary)
        {
            bitmap = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        }
        else
        {
            Span<byte> raw = stackalloc byte[8];
            if (Hex.Decode(bytes, raw) >= 0)
            {
                return false;
            }

            bitmap = BinaryPrimitives.ReadUInt64BigEndian(raw);
        }

        position += size;
        return true;
    }

    /// <summary>An error that also says what was read before it: MTI, and STAN and TID when indexed.</summary>
    private readonly IsoError Fail(IsoErrorKind kind, int field, int offset, string reason) => new(kind, field, offset, reason)
    {
        Mti = field == IsoError.MtiField ? null : Mti,
        Stan = Readable(11) && TryGetInt64(11, out var stan) && stan <= int.MaxValue ? (int)stan : null,
        Tid = Readable(41) && Has(41) ? GetString(41).TrimEnd() : null,
    };

    /// <summary>Whether indexing got past <paramref name="field"/> (of the primary bitmap) and found its content valid.</summary>
    private readonly bool Readable(int field) => _indexedThrough >= field && (_invalidPrimary & (1UL << (64 - field))) == 0;

    /// <summary>Walks the set bits of the bitmaps, lowest field first.</summary>
    public ref struct FieldEnumerator
    {
        private ulong _primary;
        private ulong _secondary;

        internal FieldEnumerator(ulong primary, ulong secondary)
        {
            _primary = primary;
            _secondary = secondary;
            Current = 0;
        }

        public int Current { get; private set; }

        public readonly FieldEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_primary != 0)
            {
                var zeros = System.Numerics.BitOperations.LeadingZeroCount(_primary);
                _primary &= ~(1UL << (63 - zeros));
                Current = zeros + 1;
                return true;
            }

            if (_secondary != 0)
            {
                var zeros = System.Numerics.BitOperations.LeadingZeroCount(_secondary);
                _secondary &= ~(1UL << (63 - zeros));
                Current = zeros + 65;
                return true;
            }

            return false;
        }
    }
}
