namespace Switch.Actors.Risk;

/// <summary><c>switch.risk</c>: how features are computed, the card-number table, the rules and the score.</summary>
/// <param name="Features">What computing the features needs.</param>
/// <param name="Bins">Card country and scheme by card-number prefix.</param>
/// <param name="Rules">The rules in configuration order.</param>
/// <param name="Score">The weighted score and its thresholds.</param>
public sealed record RiskSettings(FeatureSettings Features, BinTable Bins, IReadOnlyList<RiskRule> Rules, ScoreSettings Score);
