using Akka.Cluster.Sharding;

namespace Switch.Actors.Cards;

/// <summary>Routes card messages to their entity by the card's token (the keyed PAN hash), over a fixed number of shards.</summary>
public sealed class CardMessageExtractor : HashCodeMessageExtractor
{
    /// <summary>As for terminals: ten times the nodes a fleet is expected to run on.</summary>
    public const int Shards = 100;

    public CardMessageExtractor()
        : base(Shards)
    {
    }

    public override string? EntityId(object message) => (message as IWithCardToken)?.CardToken;
}
