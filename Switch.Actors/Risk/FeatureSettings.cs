namespace Switch.Actors.Risk;

/// <summary>What computing the features needs besides the authorization itself.</summary>
/// <param name="SmallAmountMinor">The largest amount counted as small by the card-testing features.</param>
/// <param name="UtcOffset">The offset local time (the <c>hour</c> and <c>night</c> features) is in.</param>
/// <param name="Night">The local hours that are night.</param>
/// <param name="Mcc">MCC groups and risk classes.</param>
public sealed record FeatureSettings(long SmallAmountMinor, TimeSpan UtcOffset, NightHours Night, MccGroups Mcc);
