using Akka.Actor;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Actors.Transactions;

/// <summary>What every transaction of a node shares.</summary>
/// <param name="TerminalProfile">The terminal port's dialect, in which the request arrives and the reply leaves.</param>
/// <param name="Router">Picks the acquirer.</param>
/// <param name="GuardMargin">
/// Added to the link's timeout: the link always answers a request, but if it never did (it died),
/// the transaction treats the silence as a timeout rather than waiting forever.
/// </param>
public sealed record TransactionSettings(IsoProfile TerminalProfile, IActorRef Router, TimeSpan GuardMargin);
