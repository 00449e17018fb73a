using Akka.Actor;

namespace Switch.Actors.Acquirers;

/// <summary>
/// Asks the link to carry one request to the acquirer. Exactly one reply goes to
/// <paramref name="ReplyTo"/>: <see cref="AcquirerResponse"/>, <see cref="AcquirerUnavailable"/>,
/// <see cref="AcquirerRejected"/>, <see cref="AcquirerTimedOut"/> or <see cref="AcquirerLinkLost"/>.
/// </summary>
/// <param name="Message">The request (no length header) in the link's profile; it must carry field 11, and field 41 of at most 8 characters.</param>
/// <param name="ReplyTo">Who hears the outcome, usually the transaction actor.</param>
public sealed record SendToAcquirer(byte[] Message, IActorRef ReplyTo);

/// <summary>Asks the link for its current <see cref="AcquirerLinkStatus"/>.</summary>
public sealed record GetLinkStatus
{
    private GetLinkStatus()
    {
    }

    public static GetLinkStatus Instance { get; } = new();
}

/// <summary>
/// Whether a link can carry requests: published on the event stream at start and on every change,
/// and the answer to <see cref="GetLinkStatus"/>.
/// </summary>
public sealed record AcquirerLinkStatus(string Name, bool IsUp);
