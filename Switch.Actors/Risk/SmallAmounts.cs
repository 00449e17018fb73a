namespace Switch.Actors.Risk;

/// <summary>A card's small-amount uses in a window: the shape of card testing.</summary>
/// <param name="Count">Uses of at most the small amount.</param>
/// <param name="Merchants">Distinct merchants among them.</param>
/// <param name="AtMerchant">Whether one of them was at the merchant being asked about.</param>
public readonly record struct SmallAmounts(int Count, int Merchants, bool AtMerchant);
