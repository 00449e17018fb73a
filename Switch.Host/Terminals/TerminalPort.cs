using Akka.Actor;
using Switch.Host.Configuration;

namespace Switch.Host.Terminals;

/// <summary>
/// What a terminal connection needs: the listener's settings, the actor system, where requests go
/// (the terminal shard region), and the node's stopping signal, on which every connection closes.
/// </summary>
public sealed record TerminalPort(TerminalListenerSettings Settings, ActorSystem System, IActorRef Terminals, CancellationToken Stopping = default);
