using Akka.Actor;
using Switch.Actors.Serialization;
using Switch.Protocol.Framing;

namespace Switch.Actors.Terminals;

/// <summary>
/// One message from a terminal connection: the frame's message bytes (the one copy made of them),
/// the TPDU it came with, and where the reply goes (the connection's reply actor).
/// </summary>
public sealed record TerminalRequest(string TerminalId, byte[] Message, Tpdu Tpdu, IActorRef ReplyTo) : IWithTerminalId, IClusterMessage;
