namespace Switch.Actors.Cards;

/// <summary>A message for one card entity, which is sharded by the card's keyed PAN hash, never the PAN.</summary>
public interface IWithCardToken
{
    string CardToken { get; }
}
