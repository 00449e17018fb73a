namespace Switch.Actors.Registry;

/// <summary>When a merchant's transactions challenge the cardholder (phone number, then SMS code).</summary>
public enum ChallengePolicy
{
    /// <summary>Only when the risk decision asks for it.</summary>
    Risk,
    Always,
    Never,
}
