namespace Switch.Actors.Fees;

/// <summary>
/// The fee of one transaction, in minor units: what the merchant pays under <paramref name="PlanId"/>
/// version <paramref name="Version"/>, what the acquirer charges the switch, and the switch's margin,
/// their difference (negative when the acquirer costs more: reported, never clamped).
/// </summary>
public sealed record FeeBreakdown(string PlanId, int Version, FeeInstrument Instrument, long FeeMinor, long AcquirerCostMinor, long MarginMinor);
