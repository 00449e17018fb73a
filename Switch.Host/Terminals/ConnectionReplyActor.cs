using System.Threading.Channels;
using Akka.Actor;
using Switch.Actors.Terminals;

namespace Switch.Host.Terminals;

/// <summary>
/// The address of one terminal connection in the actor world: terminal entities (on any node) Tell
/// it their replies, and it hands them to the connection's single writer.
/// </summary>
internal sealed class ConnectionReplyActor : ReceiveActor
{
    public ConnectionReplyActor(ChannelWriter<TerminalReply> replies, OwedReplies owed)
    {
        Receive<TerminalReply>(reply =>
        {
            replies.TryWrite(reply);
            owed.Answered();
        });
    }

    public static Props Props(ChannelWriter<TerminalReply> replies, OwedReplies owed) =>
        Akka.Actor.Props.Create(() => new ConnectionReplyActor(replies, owed));
}
