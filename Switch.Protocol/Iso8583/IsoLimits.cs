namespace Switch.Protocol.Iso8583;

public static class IsoLimits
{
    /// <summary>Highest field number: a primary and a secondary bitmap cover 128 fields.</summary>
    public const int MaxField = 128;

    /// <summary>Offsets are kept as 16-bit values; a 2-byte length header cannot carry more anyway.</summary>
    public const int MaxMessageLength = ushort.MaxValue;
}
