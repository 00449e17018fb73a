using Switch.Actors.Serialization;

namespace Switch.Actors.Terminals;

/// <summary>
/// The hand-off stop message for passivation and rebalancing: the entity stops only once nothing
/// is in flight, so no request is left unanswered or half-journaled.
/// </summary>
public sealed class StopTerminal : IClusterMessage
{
    public static StopTerminal Instance { get; } = new();

    private StopTerminal()
    {
    }
}
