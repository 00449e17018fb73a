using Akka.Actor;
using Switch.Host.Configuration;

namespace Switch.Host.Terminals;

/// <summary>What a terminal connection needs: the listener's settings, the actor system, and where requests go (the terminal shard region).</summary>
public sealed record TerminalPort(TerminalListenerSettings Settings, ActorSystem System, IActorRef Terminals);
