using System.Globalization;

namespace Switch.Protocol.Iso8583.Specs;

/// <summary>
/// A profile as an operator writes it in a file, reduced to strings: the neutral form every file
/// format (JSON here, HOCON in the host) is read into, so the rules for what is valid live once.
/// </summary>
/// <param name="Name">The profile's name.</param>
/// <param name="Base">A profile to start from (<c>iso87-ascii</c>, <c>iso87-binary</c>); fields given here replace or add to it.</param>
/// <param name="Mti"><c>ascii</c> or <c>bcd</c>; the base's when null.</param>
/// <param name="Bitmap"><c>binary</c> or <c>hex</c>; the base's when null.</param>
/// <param name="Fields">Field number → its properties: type, length, prefix, encoding, prefix-encoding, pad, pad-char, sensitivity, description.</param>
public sealed record ProfileDefinition(
    string? Name,
    string? Base,
    string? Mti,
    string? Bitmap,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Fields)
{
    private static readonly Dictionary<string, ContentType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["n"] = ContentType.Numeric,
        ["an"] = ContentType.AlphaNumeric,
        ["ans"] = ContentType.AlphaNumericSpecial,
        ["b"] = ContentType.Binary,
        ["z"] = ContentType.Track,
        ["xn"] = ContentType.SignedAmount,
    };

    private static readonly HashSet<string> FieldKeys = new(StringComparer.Ordinal)
    {
        "type", "length", "prefix", "encoding", "prefix-encoding", "pad", "pad-char", "sensitivity", "description",
    };

    /// <summary>Builds the profile; throws <see cref="ProfileDefinitionException"/> naming the first bad key.</summary>
    public IsoProfile Build()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ProfileDefinitionException("name", "is required");
        }

        var start = Base is null ? null : IsoProfiles.Builtin.GetValueOrDefault(Base)
            ?? throw new ProfileDefinitionException("base", $"unknown profile '{Base}' (known: {string.Join(", ", IsoProfiles.Builtin.Keys.Order(StringComparer.Ordinal))})");
        var mti = Mti is null
            ? start?.Mti ?? throw new ProfileDefinitionException("mti", "is required when there is no base profile")
            : ParseEnum<MtiEncoding>("mti", Mti);
        var bitmap = Bitmap is null ? start?.Bitmap ?? BitmapEncoding.Binary : ParseEnum<BitmapEncoding>("bitmap", Bitmap);

        var fields = start?.Fields.Values.ToDictionary(f => f.Number) ?? [];
        foreach (var (key, properties) in Fields)
        {
            var path = $"fields.{key}";
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 2 or > IsoLimits.MaxField)
            {
                throw new ProfileDefinitionException(path, $"a field number must be 2..{IsoLimits.MaxField}");
            }

            fields[number] = ReadField(number, properties, fields.GetValueOrDefault(number), path);
        }

        return new IsoProfile(Name, mti, bitmap, fields.Values);
    }

    private static FieldSpec ReadField(int number, IReadOnlyDictionary<string, string> properties, FieldSpec? inherited, string path)
    {
        var unknown = properties.Keys.FirstOrDefault(k => !FieldKeys.Contains(k));
        if (unknown is not null)
        {
            throw new ProfileDefinitionException($"{path}.{unknown}", $"unknown key (known: {string.Join(", ", FieldKeys.Order(StringComparer.Ordinal))})");
        }

        string? Get(string key) => properties.TryGetValue(key, out var value) ? value : null;

        var type = Get("type") is { } t
            ? Types.TryGetValue(t, out var parsed) ? parsed : throw new ProfileDefinitionException($"{path}.type", $"'{t}' is not one of n, an, ans, b, z, xn")
            : inherited?.Type ?? throw new ProfileDefinitionException($"{path}.type", "is required for a field the base does not define");
        var length = Get("length") is { } l
            ? int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ProfileDefinitionException($"{path}.length", $"'{l}' is not a whole number")
            : inherited?.Length ?? throw new ProfileDefinitionException($"{path}.length", "is required for a field the base does not define");
        var prefix = Get("prefix") is { } p ? ParseEnum<LengthKind>($"{path}.prefix", p) : inherited?.Prefix ?? LengthKind.Fixed;
        var encoding = Get("encoding") is { } e
            ? ParseEnum<ValueEncoding>($"{path}.encoding", e)
            : inherited?.Encoding ?? (type == ContentType.Binary ? ValueEncoding.Binary : ValueEncoding.Ascii);
        var prefixEncoding = Get("prefix-encoding") is { } pe ? ParseEnum<PrefixEncoding>($"{path}.prefix-encoding", pe) : inherited?.PrefixEncoding ?? PrefixEncoding.Ascii;
        var sensitivity = Get("sensitivity") is { } s ? ParseEnum<Sensitivity>($"{path}.sensitivity", s) : inherited?.Sensitivity ?? Sensitivity.None;
        var padding = ReadPadding(path, Get("pad"), Get("pad-char"), encoding)
            ?? (inherited is not null && inherited.Encoding == encoding && inherited.Prefix == prefix && inherited.Type == type
                ? inherited.Padding
                : FieldSpec.DefaultPadding(type, encoding, prefix));

        try
        {
            return new FieldSpec(number, type, length, prefix, encoding, prefixEncoding, padding, sensitivity, Get("description") ?? inherited?.Description ?? string.Empty);
        }
        catch (ArgumentException ex)
        {
            // FieldSpec names the field itself; the key path already does.
            throw new ProfileDefinitionException(path, ex.Message.Replace($"field {number}: ", string.Empty, StringComparison.Ordinal));
        }
    }

    private static Padding? ReadPadding(string path, string? side, string? fill, ValueEncoding encoding)
    {
        if (side is null && fill is null)
        {
            return null;
        }

        var padSide = side is null ? PadSide.Left : ParseEnum<PadSide>($"{path}.pad", side);
        if (padSide == PadSide.None)
        {
            return Padding.None;
        }

        if (encoding == ValueEncoding.Bcd)
        {
            return fill switch
            {
                null or "0" => new Padding(padSide, 0x0),
                "F" or "f" => new Padding(padSide, 0xF),
                _ => throw new ProfileDefinitionException($"{path}.pad-char", $"'{fill}' is not a BCD pad nibble (0 or F)"),
            };
        }

        return fill is { Length: 1 } && fill[0] is >= ' ' and <= '~'
            ? new Padding(padSide, (byte)fill[0])
            : throw new ProfileDefinitionException($"{path}.pad-char", $"'{fill}' is not a single printable ASCII character");
    }

    private static T ParseEnum<T>(string key, string value)
        where T : struct, Enum
    {
        var normalized = value.Replace("-", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse<T>(normalized, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(normalized, out _)
            ? parsed
            : throw new ProfileDefinitionException(key, $"'{value}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
    }
}
