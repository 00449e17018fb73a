namespace Switch.Protocol.Framing;

public enum FrameStatus
{
    /// <summary>The buffer does not yet hold a whole frame.</summary>
    Incomplete,
    /// <summary>A message frame was read.</summary>
    Message,
    /// <summary>A zero-length frame: a keep-alive, nothing to answer.</summary>
    KeepAlive,
    /// <summary>The declared length exceeds the maximum frame: the connection must close.</summary>
    TooLarge,
    /// <summary>The length header is not a number (an ASCII header with a non-digit).</summary>
    BadHeader,
    /// <summary>A frame too short for the TPDU it must carry.</summary>
    MissingTpdu,
    /// <summary>The peer closed the connection in the middle of a frame.</summary>
    Truncated,
}
