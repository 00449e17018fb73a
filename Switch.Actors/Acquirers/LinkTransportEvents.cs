using Akka.Actor;

namespace Switch.Actors.Acquirers;

/// <summary>
/// Hands one transport's reports to its link actor as messages: the transport calls from its own
/// threads, so nothing here may touch the actor's state.
/// </summary>
internal sealed class LinkTransportEvents(IActorRef link, int attempt) : ILinkTransportEvents
{
    // The array itself is the message, so an inbound message costs no wrapper. Frames need no attempt
    // number: the link empties its pending table when a connection ends, so a straggler from an old
    // connection finds nothing to match and is counted late.
    public void OnMessage(byte[] message) => link.Tell(message, ActorRefs.NoSender);

    public void OnClosed(string reason) => link.Tell(new TransportClosed(attempt, reason), ActorRefs.NoSender);
}
