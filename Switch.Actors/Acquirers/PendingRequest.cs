using Akka.Actor;

namespace Switch.Actors.Acquirers;

/// <summary>
/// A request in flight. <see cref="ReplyTo"/> is null for the link's own sign-on and echo, whose
/// answer or silence the link acts on itself.
/// </summary>
internal readonly record struct PendingRequest(IActorRef? ReplyTo, RequestExpired Expiry);
