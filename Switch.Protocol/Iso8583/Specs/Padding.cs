namespace Switch.Protocol.Iso8583.Specs;

public enum PadSide
{
    None,
    Left,
    Right,
}

/// <summary>
/// For ASCII encodings, the character that fills a fixed-length value up to its length.
/// For BCD, the nibble (0x0 or 0xF) that fills out an odd digit count and on which side it goes.
/// </summary>
public readonly record struct Padding(PadSide Side, byte Fill)
{
    public static readonly Padding None = new(PadSide.None, 0);
    public static readonly Padding LeftZeroChar = new(PadSide.Left, (byte)'0');
    public static readonly Padding RightSpace = new(PadSide.Right, (byte)' ');
    public static readonly Padding LeftZeroNibble = new(PadSide.Left, 0x0);
    public static readonly Padding RightZeroNibble = new(PadSide.Right, 0x0);
}
