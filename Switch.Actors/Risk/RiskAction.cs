namespace Switch.Actors.Risk;

public enum RiskAction
{
    Allow,

    /// <summary>Ask the cardholder for the phone bound to the card, then an SMS code.</summary>
    Challenge,

    /// <summary>Refuse (59, suspected fraud).</summary>
    Decline,
}
