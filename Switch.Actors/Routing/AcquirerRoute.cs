using Akka.Actor;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Actors.Routing;

/// <summary>Everything a transaction needs to use one acquirer: its link, its reversal queue, its dialect and timeout.</summary>
public sealed record AcquirerRoute(string Name, IActorRef Link, IActorRef Reversals, IsoProfile Profile, TimeSpan Timeout);
