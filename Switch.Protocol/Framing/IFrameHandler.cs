using System.Buffers;

namespace Switch.Protocol.Framing;

/// <summary>Receives the frames a <see cref="FramePump"/> reads. Called on the pump's task, one frame at a time.</summary>
public interface IFrameHandler
{
    /// <summary>
    /// A message frame. The bytes belong to the pipe and are released when this returns: copy what
    /// must outlive the call (the one copy, handed to the actor world).
    /// </summary>
    void OnMessage(in ReadOnlySequence<byte> message, Tpdu tpdu);

    /// <summary>A zero-length keep-alive frame.</summary>
    void OnKeepAlive();

    /// <summary>
    /// A read's bytes were taken in and every whole frame among them handled; <paramref name="pending"/>
    /// bytes of a frame not yet complete wait for more (0 when the read ended on a frame boundary).
    /// Lets a listener tell a quiet peer from one feeding a frame too slowly.
    /// </summary>
    void OnReceived(long pending)
    {
    }
}
