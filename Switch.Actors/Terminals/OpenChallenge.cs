using Akka.Actor;

namespace Switch.Actors.Terminals;

/// <summary>A transaction waiting for the cardholder's next step: its child, and the RRN the steps share.</summary>
internal sealed record OpenChallenge(IActorRef Transaction, string Rrn);
