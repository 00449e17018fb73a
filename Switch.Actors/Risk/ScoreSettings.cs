namespace Switch.Actors.Risk;

/// <summary>The weighted score (0-100) and what it leads to when no rule matched.</summary>
/// <param name="Weights">The features scored and how.</param>
/// <param name="ChallengeAt">A score at least this challenges.</param>
/// <param name="DeclineAt">A score at least this declines; above 100 it never does.</param>
public sealed record ScoreSettings(IReadOnlyList<ScoreWeight> Weights, int ChallengeAt, int DeclineAt);
