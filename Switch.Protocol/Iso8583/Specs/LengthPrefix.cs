namespace Switch.Protocol.Iso8583.Specs;

/// <summary>Fixed length, or how many decimal digits the length prefix of a variable field carries.</summary>
public enum LengthKind
{
    Fixed = 0,
    LL = 2,
    LLL = 3,
    LLLL = 4,
}

/// <summary>How a variable field's length prefix is written.</summary>
public enum PrefixEncoding
{
    /// <summary>Decimal digits as ASCII characters.</summary>
    Ascii,
    /// <summary>Decimal digits packed two per byte.</summary>
    Bcd,
    /// <summary>A big-endian unsigned integer: one byte for LL, two for LLL and LLLL.</summary>
    Binary,
}
