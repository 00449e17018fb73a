using Switch.Actors.Serialization;

namespace Switch.Actors.Cards;

/// <summary>
/// The hand-off stop message for passivation and rebalancing. A card's state is all in its journal,
/// so it may stop at once; a stop that queued behind a persisting command runs after it.
/// </summary>
public sealed class StopCard : IClusterMessage
{
    public static StopCard Instance { get; } = new();

    private StopCard()
    {
    }
}
