using Switch.Actors.Serialization;
using Switch.Protocol.Framing;

namespace Switch.Actors.Terminals;

/// <summary>A message for the terminal, with the TPDU of the request it answers (the connection swaps it).</summary>
public sealed record TerminalReply(byte[] Message, Tpdu Tpdu) : IClusterMessage;
