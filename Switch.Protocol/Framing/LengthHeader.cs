namespace Switch.Protocol.Framing;

/// <summary>How a frame's length is written before it.</summary>
public enum LengthHeader
{
    /// <summary>2-byte big-endian binary length (the terminal port's default).</summary>
    Binary2,
    /// <summary>4 ASCII decimal digits.</summary>
    Ascii4,
}
