using Akka.Cluster.Sharding;

namespace Switch.Actors.Terminals;

/// <summary>Routes terminal messages to their entity by TID, over a fixed number of shards.</summary>
public sealed class TerminalMessageExtractor : HashCodeMessageExtractor
{
    /// <summary>Ten times the nodes a fleet is expected to run on, as Akka's sharding guidance suggests.</summary>
    public const int Shards = 100;

    public TerminalMessageExtractor()
        : base(Shards)
    {
    }

    public override string? EntityId(object message) => (message as IWithTerminalId)?.TerminalId;
}
