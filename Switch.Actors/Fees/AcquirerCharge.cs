namespace Switch.Actors.Fees;

/// <summary>What the acquirer that carried a transaction charges the switch for it: a rate of the amount plus a fixed fee in minor units.</summary>
public sealed record AcquirerCharge(FeeRate Rate, long FixedMinor);
