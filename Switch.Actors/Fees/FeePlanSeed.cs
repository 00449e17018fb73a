namespace Switch.Actors.Fees;

/// <summary>
/// A plan as the configuration gives it (<c>switch.fee-plans</c>): journaled as version 1, changed by
/// <c>configuration</c>, when the journal has no version of it yet. After that the journal is the
/// plan, so editing the file never changes a rate silently: a change goes through the admin API.
/// </summary>
/// <param name="EffectiveFrom">From when version 1 applies; the Unix epoch when not configured.</param>
public sealed record FeePlanSeed(string Id, FeeTerms Terms, DateTimeOffset EffectiveFrom);
