namespace Switch.Actors.Cards.Challenges;

/// <summary>What a challenge does for a card with no phone bound to it.</summary>
public enum UnboundCardPolicy
{
    /// <summary>No challenge: the transaction is declined (05), as DESIGN.md has it by default.</summary>
    Decline,

    /// <summary>
    /// The card gets the PHONE step like any other and every phone typed is wrong, so that a terminal
    /// cannot find out whether a card has a phone bound by watching how it is challenged.
    /// </summary>
    Pretend,
}
