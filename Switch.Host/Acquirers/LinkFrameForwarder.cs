using System.Buffers;
using Switch.Actors.Acquirers;
using Switch.Protocol.Framing;

namespace Switch.Host.Acquirers;

/// <summary>
/// Hands each frame a link's read loop takes out of the pipe to the link's receiver, as the one
/// exactly-sized copy the receiver then owns.
/// </summary>
internal sealed class LinkFrameForwarder(ILinkTransportEvents events) : IFrameHandler
{
    public void OnMessage(in ReadOnlySequence<byte> message, Tpdu tpdu) => events.OnMessage(message.ToArray());

    public void OnKeepAlive()
    {
        // A keep-alive only keeps idle middleboxes from dropping the connection; the link tests
        // itself with 0800 echoes, so there is nothing to report.
    }
}
