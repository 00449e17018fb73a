using Switch.Actors.Events;

namespace Switch.Actors.Routing;

/// <summary>
/// Transaction → router: which acquirer should carry this request? Answered
/// <see cref="AcquirerPicked"/> or <see cref="NoAcquirerAvailable"/>.
/// </summary>
/// <param name="Tried">Acquirers an earlier attempt of this request went to and that refused it unsent; never picked again.</param>
public sealed record PickAcquirer(RouteRequest Request, IReadOnlyList<string> Tried);

/// <summary>Router → transaction: this one, up and let through by its circuit when asked, and why.</summary>
public sealed record AcquirerPicked(AcquirerRoute Route, RoutingDecision Decision);

/// <summary>Router → transaction: no candidate of the matching rule can take it (the decision says why); nothing can be sent.</summary>
public sealed record NoAcquirerAvailable(RoutingDecision Decision);

/// <summary>How one attempt at an acquirer ended, for its circuit, its success rate and its metrics.</summary>
public enum AcquirerOutcomeKind
{
    /// <summary>Answered 00.</summary>
    Approved,

    /// <summary>Answered with a decline about the card or the request (05, 51, ...): the acquirer works.</summary>
    Declined,

    /// <summary>Answered 91 or 96, answered unreadably, or the link dropped with the request out.</summary>
    TechnicalFailure,

    /// <summary>Sent and unanswered in time.</summary>
    TimedOut,

    /// <summary>The link refused it unsent (it had just gone down): nothing reached the acquirer.</summary>
    NotSent,
}

/// <summary>Transaction → router: how its attempt at <paramref name="Acquirer"/> ended.</summary>
/// <param name="Latency">From sending to the answer; null when no answer came.</param>
public sealed record AcquirerOutcome(string Acquirer, AcquirerOutcomeKind Kind, TimeSpan? Latency);

/// <summary>Asks the router which acquirers it would consider now (link up, circuit letting requests through).</summary>
public sealed class GetRoutableAcquirers
{
    private GetRoutableAcquirers()
    {
    }

    public static GetRoutableAcquirers Instance { get; } = new();
}

/// <summary>The answer to <see cref="GetRoutableAcquirers"/>, in configured order.</summary>
public sealed record RoutableAcquirers(IReadOnlyList<string> Names);

/// <summary>What an acquirer's answer says about the acquirer.</summary>
public static class AcquirerOutcomes
{
    /// <summary>00 approves; 91 (issuer or switch inoperative) and 96 (system malfunction) are the acquirer failing; any other code is about the card or the request.</summary>
    public static AcquirerOutcomeKind Of(string responseCode) => responseCode switch
    {
        "00" => AcquirerOutcomeKind.Approved,
        "91" or "96" => AcquirerOutcomeKind.TechnicalFailure,
        _ => AcquirerOutcomeKind.Declined,
    };
}
