namespace Switch.Protocol.Framing;

/// <summary>
/// Framing of one listener or link: the length header, whether a 5-byte TPDU follows it, and the
/// largest frame accepted. The length counts everything after the header, TPDU included.
/// </summary>
public sealed record FrameOptions
{
    public const int DefaultMaxFrame = 4096;

    public FrameOptions(LengthHeader header = LengthHeader.Binary2, bool tpdu = false, int maxFrame = DefaultMaxFrame)
    {
        var ceiling = header == LengthHeader.Binary2 ? ushort.MaxValue : 9999;
        if (maxFrame < (tpdu ? Framing.Tpdu.Length + 1 : 1) || maxFrame > ceiling)
        {
            throw new ArgumentOutOfRangeException(nameof(maxFrame), maxFrame, $"must be 1..{ceiling} for a {header} header");
        }

        Header = header;
        Tpdu = tpdu;
        MaxFrame = maxFrame;
    }

    public static FrameOptions Default { get; } = new();

    public LengthHeader Header { get; }
    public bool Tpdu { get; }
    public int MaxFrame { get; }

    public int HeaderBytes => Header == LengthHeader.Binary2 ? 2 : 4;
    public int TpduBytes => Tpdu ? Framing.Tpdu.Length : 0;
}
