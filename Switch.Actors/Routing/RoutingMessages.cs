namespace Switch.Actors.Routing;

/// <summary>Transaction → router: which acquirer should carry this request?</summary>
public sealed class PickAcquirer
{
    public static PickAcquirer Instance { get; } = new();

    private PickAcquirer()
    {
    }
}

/// <summary>Router → transaction: this one, whose link was up when asked.</summary>
public sealed record AcquirerPicked(AcquirerRoute Route);

/// <summary>Router → transaction: no link is up; nothing can be sent (the terminal hears 91).</summary>
public sealed class NoAcquirerAvailable
{
    public static NoAcquirerAvailable Instance { get; } = new();

    private NoAcquirerAvailable()
    {
    }
}
