namespace Switch.Protocol.Iso8583.Specs;

/// <summary>
/// One field of a message spec, as data: content type + value encoding + length prefix + padding
/// (in the manner of moov-io/iso8583). Length counts units: digits for n and z, characters for
/// a/an/ans and x+n, bytes for b (also when b is written as hex).
/// </summary>
public sealed record FieldSpec
{
    public FieldSpec(
        int number,
        ContentType type,
        int length,
        LengthKind prefix = LengthKind.Fixed,
        ValueEncoding encoding = ValueEncoding.Ascii,
        PrefixEncoding prefixEncoding = PrefixEncoding.Ascii,
        Padding? padding = null,
        Sensitivity sensitivity = Sensitivity.None,
        string description = "")
    {
        if (number is < 2 or > IsoLimits.MaxField)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"field number must be 2..{IsoLimits.MaxField}");
        }

        Number = number;
        Type = type;
        Length = length;
        Prefix = prefix;
        Encoding = encoding;
        PrefixEncoding = prefixEncoding;
        Padding = padding ?? DefaultPadding(type, encoding, prefix);
        Sensitivity = sensitivity;
        Description = description;

        var problem = Check();
        if (problem is not null)
        {
            throw new ArgumentException($"field {number}: {problem}");
        }

        PrefixBytes = prefix == LengthKind.Fixed ? 0 : prefixEncoding switch
        {
            PrefixEncoding.Ascii => (int)prefix,
            PrefixEncoding.Bcd => ((int)prefix + 1) / 2,
            _ => prefix == LengthKind.LL ? 1 : 2,
        };
        MaxWireBytes = WireBytes(length);
    }

    public int Number { get; }
    public ContentType Type { get; }
    /// <summary>The fixed length, or the maximum for a variable field, in units.</summary>
    public int Length { get; }
    public LengthKind Prefix { get; }
    public ValueEncoding Encoding { get; }
    public PrefixEncoding PrefixEncoding { get; }
    public Padding Padding { get; }
    public Sensitivity Sensitivity { get; }
    public string Description { get; }

    public bool IsFixed => Prefix == LengthKind.Fixed;
    /// <summary>Bytes the length prefix takes on the wire (0 when fixed).</summary>
    public int PrefixBytes { get; }
    public int MaxWireBytes { get; }

    /// <summary>Bytes a value of <paramref name="units"/> units takes on the wire, prefix excluded.</summary>
    public int WireBytes(int units) => Encoding switch
    {
        ValueEncoding.Bcd when Type == ContentType.SignedAmount => 1 + (units / 2),
        ValueEncoding.Bcd => (units + 1) / 2,
        ValueEncoding.Hex => units * 2,
        _ => units,
    };

    /// <summary>The default padding a payments engineer expects: numbers zero-filled on the left, text space-filled on the right.</summary>
    public static Padding DefaultPadding(ContentType type, ValueEncoding encoding, LengthKind prefix) => encoding switch
    {
        ValueEncoding.Bcd => prefix == LengthKind.Fixed ? Padding.LeftZeroNibble : Padding.RightZeroNibble,
        ValueEncoding.Ascii when prefix != LengthKind.Fixed => Padding.None,
        ValueEncoding.Ascii => IsDigits(type) ? Padding.LeftZeroChar : Padding.RightSpace,
        _ => Padding.None,
    };

    internal static bool IsDigits(ContentType type) => type is ContentType.Numeric or ContentType.Track or ContentType.SignedAmount;

    private string? Check()
    {
        if (Length < 1)
        {
            return $"length {Length} must be at least 1";
        }

        var maxForPrefix = Prefix switch
        {
            LengthKind.LL => PrefixEncoding == PrefixEncoding.Binary ? 255 : 99,
            LengthKind.LLL => 999,
            LengthKind.LLLL => 9999,
            _ => 999,
        };
        if (Length > maxForPrefix)
        {
            return $"length {Length} does not fit a {Prefix} prefix (maximum {maxForPrefix})";
        }

        if (Encoding == ValueEncoding.Bcd && !IsDigits(Type))
        {
            return $"BCD encoding needs a numeric, track or amount type, not {Type}";
        }

        if (Encoding is ValueEncoding.Binary or ValueEncoding.Hex && Type != ContentType.Binary)
        {
            return $"{Encoding} encoding is for binary (b) fields, not {Type}";
        }

        if (Type == ContentType.Binary && Encoding is not (ValueEncoding.Binary or ValueEncoding.Hex))
        {
            return $"binary (b) fields are encoded as binary or hex, not {Encoding}";
        }

        if (Type == ContentType.SignedAmount && Length < 2)
        {
            return "an x+n amount needs a sign and at least one digit";
        }

        if (Encoding == ValueEncoding.Bcd && Padding.Side != PadSide.None && Padding.Fill is not (0x0 or 0xF))
        {
            return $"BCD pad nibble must be 0 or F, not 0x{Padding.Fill:X}";
        }

        return null;
    }
}
