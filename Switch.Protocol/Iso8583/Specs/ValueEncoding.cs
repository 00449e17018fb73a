namespace Switch.Protocol.Iso8583.Specs;

/// <summary>How a value's units become bytes on the wire.</summary>
public enum ValueEncoding
{
    /// <summary>One byte per character.</summary>
    Ascii,
    /// <summary>Two digits per byte; an odd count is padded with one nibble.</summary>
    Bcd,
    /// <summary>Raw bytes (content type b).</summary>
    Binary,
    /// <summary>Each byte as two ASCII hex characters (jPOS IFA_BINARY).</summary>
    Hex,
}
