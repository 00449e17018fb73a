namespace Switch.Actors.Cards;

/// <summary>Told to a transaction whose message to the card entity was dropped undelivered: the card will not answer.</summary>
public sealed class CardUnreachable
{
    public static CardUnreachable Instance { get; } = new();
}
