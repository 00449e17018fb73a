namespace Switch.Actors.Risk;

/// <summary>What to do with an authorization and why, for the reply and the journal.</summary>
/// <param name="Action">Allow, challenge or decline.</param>
/// <param name="Score">The weighted score, 0-100, computed whether or not a rule decided.</param>
/// <param name="Reasons">The rule that decided or the threshold crossed, the score's largest contributions (at most 3, e.g. <c>card_count_1h=12 (+20)</c>), and a merchant override when one changed the action.</param>
/// <param name="Rule">The name of the rule that decided, or null when the score did.</param>
public sealed record RiskDecision(RiskAction Action, int Score, IReadOnlyList<string> Reasons, string? Rule);
