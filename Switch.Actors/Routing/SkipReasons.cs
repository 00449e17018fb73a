namespace Switch.Actors.Routing;

/// <summary>Why a candidate was passed over, as journaled in a routing decision.</summary>
public static class SkipReasons
{
    /// <summary>An earlier attempt of this request went there and was refused unsent.</summary>
    public const string Tried = "tried";

    /// <summary>Its link is not signed on.</summary>
    public const string LinkDown = "link_down";

    /// <summary>Its circuit is open and cooling down.</summary>
    public const string CircuitOpen = "circuit_open";

    /// <summary>Its circuit is half-open with the one probe still out.</summary>
    public const string ProbeInFlight = "probe_in_flight";
}
