namespace Switch.Actors.Fees;

/// <summary>One version of a fee plan: its terms from <paramref name="EffectiveFrom"/> until a later version takes effect.</summary>
/// <param name="Version">1, 2, 3, ... in the order the versions were added.</param>
/// <param name="EffectiveFrom">UTC, to the millisecond.</param>
/// <param name="ChangedBy">Who added it, as the admin API was told, or <c>configuration</c> for a plan's seed.</param>
/// <param name="ChangedAt">When it was journaled.</param>
public sealed record FeePlanVersion(int Version, DateTimeOffset EffectiveFrom, FeeTerms Terms, string ChangedBy, DateTimeOffset ChangedAt);
