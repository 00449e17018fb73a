using Akka.Actor;
using Switch.Actors.Terminals;
using static Switch.Actors.Serialization.WireValues;
using Wire = Switch.Actors.Serialization.Wire;

namespace Switch.Actors.Serialization;

/// <summary>The messages to a terminal entity and its replies to the connection, to and from their wire form.</summary>
internal static class TerminalWire
{
    public static Wire.TerminalRequest ToWire(TerminalRequest request) => new()
    {
        TerminalId = request.TerminalId,
        Message = Bytes(request.Message),
        Tpdu = WireValues.ToWire(request.Tpdu),
        ReplyTo = ActorPath(request.ReplyTo),
    };

    public static TerminalRequest FromWire(Wire.TerminalRequest request, ExtendedActorSystem system) => new(
        request.TerminalId,
        request.Message.ToByteArray(),
        WireValues.FromWire(Required(request.Tpdu, "TPDU")),
        ActorRef(system, request.ReplyTo));

    public static Wire.TerminalReply ToWire(TerminalReply reply) => new()
    {
        Message = Bytes(reply.Message),
        Tpdu = WireValues.ToWire(reply.Tpdu),
    };

    public static TerminalReply FromWire(Wire.TerminalReply reply) =>
        new(reply.Message.ToByteArray(), WireValues.FromWire(Required(reply.Tpdu, "TPDU")));
}
