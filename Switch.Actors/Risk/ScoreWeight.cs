namespace Switch.Actors.Risk;

/// <summary>
/// One numeric feature's part of the score: <c>Weight × min(1, value ÷ SaturateAt)</c>, so the
/// feature adds nothing at 0 and its full weight from <see cref="SaturateAt"/> up.
/// </summary>
public sealed record ScoreWeight(string Feature, double Weight, double SaturateAt);
