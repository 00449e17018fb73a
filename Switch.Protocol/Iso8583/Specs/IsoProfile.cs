using System.Collections.Frozen;

namespace Switch.Protocol.Iso8583.Specs;

public enum MtiEncoding
{
    /// <summary>Four ASCII digits.</summary>
    Ascii,
    /// <summary>Two BCD bytes.</summary>
    Bcd,
}

public enum BitmapEncoding
{
    /// <summary>8 bytes per 64 fields (jPOS IFB_BITMAP).</summary>
    Binary,
    /// <summary>16 ASCII hex characters per 64 fields (jPOS IFA_BITMAP).</summary>
    Hex,
}

/// <summary>A complete message dialect: how the MTI and bitmap are written and the spec of every field.</summary>
public sealed class IsoProfile
{
    private readonly FieldSpec?[] _fields;

    public IsoProfile(string name, MtiEncoding mti, BitmapEncoding bitmap, IEnumerable<FieldSpec> fields)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(fields);
        Name = name;
        Mti = mti;
        Bitmap = bitmap;
        _fields = new FieldSpec?[IsoLimits.MaxField + 1];
        foreach (var field in fields)
        {
            _fields[field.Number] = field;
        }

        Fields = _fields.OfType<FieldSpec>().ToFrozenDictionary(f => f.Number);
    }

    public string Name { get; }
    public MtiEncoding Mti { get; }
    public BitmapEncoding Bitmap { get; }
    public FrozenDictionary<int, FieldSpec> Fields { get; }

    public int MtiBytes => Mti == MtiEncoding.Ascii ? 4 : 2;

    /// <summary>Bytes one 64-bit bitmap takes.</summary>
    public int BitmapBytes => Bitmap == BitmapEncoding.Binary ? 8 : 16;

    /// <summary>The spec of field <paramref name="number"/>, or null when the profile does not define it.</summary>
    public FieldSpec? this[int number] => (uint)number < (uint)_fields.Length ? _fields[number] : null;

    /// <summary>A copy of this profile with some fields replaced or added: how an acquirer's dialect is described.</summary>
    public IsoProfile With(string name, IEnumerable<FieldSpec> overrides, MtiEncoding? mti = null, BitmapEncoding? bitmap = null)
    {
        var merged = Fields.Values.ToDictionary(f => f.Number);
        foreach (var field in overrides)
        {
            merged[field.Number] = field;
        }

        return new IsoProfile(name, mti ?? Mti, bitmap ?? Bitmap, merged.Values);
    }

    public override string ToString() => Name;
}
