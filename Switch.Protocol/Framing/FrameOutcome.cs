using System.Globalization;

namespace Switch.Protocol.Framing;

/// <summary>Why a <see cref="FramePump"/> stopped: the peer closed, or the framing was violated.</summary>
public readonly record struct FrameOutcome(FrameStatus Status, int DeclaredLength, long Frames)
{
    /// <summary>The peer closed cleanly between frames (or the read was cancelled).</summary>
    public bool IsClean => Status == FrameStatus.Incomplete;

    /// <summary>A reason fit for the log line that records why the connection closed.</summary>
    public string Reason(FrameOptions options) => Status switch
    {
        FrameStatus.Incomplete => "peer closed the connection",
        FrameStatus.TooLarge => string.Create(CultureInfo.InvariantCulture, $"frame length {DeclaredLength} exceeds the maximum {options?.MaxFrame} (after {Frames} frames)"),
        FrameStatus.BadHeader => string.Create(CultureInfo.InvariantCulture, $"length header is not 4 ASCII digits (after {Frames} frames)"),
        FrameStatus.MissingTpdu => string.Create(CultureInfo.InvariantCulture, $"frame length {DeclaredLength} cannot hold the 5-byte TPDU (after {Frames} frames)"),
        FrameStatus.Truncated => string.Create(CultureInfo.InvariantCulture, $"peer closed the connection in the middle of a frame (after {Frames} frames)"),
        _ => Status.ToString(),
    };
}
