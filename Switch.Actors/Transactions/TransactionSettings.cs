using Akka.Actor;
using Switch.Actors.Fees;
using Switch.Actors.Risk;
using Switch.Actors.Routing;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Actors.Transactions;

/// <summary>What every transaction of a node shares.</summary>
/// <param name="TerminalProfile">The terminal port's dialect, in which the request arrives and the reply leaves.</param>
/// <param name="Router">Picks the acquirer.</param>
/// <param name="GuardMargin">
/// Added to the link's timeout: the link always answers a request, but if it never did (it died),
/// the transaction treats the silence as a timeout rather than waiting forever.
/// </param>
/// <param name="Cards">The card entities (their shard region): risk, challenge steps, card activity.</param>
/// <param name="Bins">The card's country by its BIN, for risk.</param>
/// <param name="CardTimeout">How long the card may take to answer before the request is answered 96.</param>
/// <param name="FeePlans">The merchants' fee plans, charged on approval; null charges nothing.</param>
/// <param name="Costs">What each acquirer charges the switch, for the margin.</param>
public sealed record TransactionSettings(IsoProfile TerminalProfile, IActorRef Router, TimeSpan GuardMargin, IActorRef Cards, BinTable Bins, TimeSpan CardTimeout, FeePlanDirectory? FeePlans = null, CostTable? Costs = null);
