namespace Switch.Protocol.Iso8583;

public enum IsoErrorKind
{
    /// <summary>The message ends before a field, prefix, MTI or bitmap does.</summary>
    Truncated,
    /// <summary>A length prefix is not a valid number in its encoding.</summary>
    BadLengthPrefix,
    /// <summary>A length (prefix or value) exceeds the field's maximum.</summary>
    LengthOutOfRange,
    /// <summary>A value holds a byte its content type does not allow (a letter in an n field, say).</summary>
    InvalidContent,
    /// <summary>The MTI is not four digits.</summary>
    BadMti,
    /// <summary>The bitmap names a field the profile does not define, so its length is unknown.</summary>
    UndefinedField,
    /// <summary>Bytes remain after the last field the bitmap names.</summary>
    TrailingBytes,
    /// <summary>The message or the value is longer than the codec or the buffer allows.</summary>
    TooLong,
    /// <summary>A field the caller asked for is absent.</summary>
    MissingField,
    /// <summary>A number does not fit the type asked for.</summary>
    NumberOutOfRange,
    /// <summary>A TLV element in a field is malformed.</summary>
    BadTlv,
}
