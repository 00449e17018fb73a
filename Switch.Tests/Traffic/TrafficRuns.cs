namespace Switch.Tests.Traffic;

/// <summary>
/// Tests that drive whole generator runs take turns: a run's sending window opens when it starts, so
/// runs competing for the CPU at once can spend a short window on connecting and signing on alone.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TrafficRuns
{
    public const string Name = "Traffic runs";
}
