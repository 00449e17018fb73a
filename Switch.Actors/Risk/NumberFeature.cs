namespace Switch.Actors.Risk;

/// <summary>
/// The fixed numeric features, in slot order; each one's configuration name is its member name in
/// snake case (<c>CardCount1h</c> is <c>card_count_1h</c>), so the two cannot drift apart. The
/// per-group spend features follow these (see <see cref="FeatureCatalog"/>).
/// </summary>
internal enum NumberFeature
{
    Amount,
    AmountVsUsual,
    AmountVsUsualAll,
    CardCount1m,
    CardCount1h,
    CardCount24h,
    CardSum1m,
    CardSum1h,
    CardSum24h,
    TerminalCount1m,
    TerminalCount1h,
    TerminalSum1m,
    TerminalSum1h,
    CardDeclines24h,
    CardRiskDeclines24h,
    CardSmallCount1h,
    CardSmallMerchants1h,
    CrossBorder,
    MccRisk,
    FirstUseAtMerchant,
    Hour,
    Night,
}
