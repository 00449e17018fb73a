namespace Switch.Actors.Risk;

/// <summary>
/// The spending categories a card's profile is kept in and offers and rules speak of. The set is
/// fixed because its names are the feature vocabulary (<c>spend_30d_grocery</c>); which MCCs fall
/// in each is configuration (<c>switch.risk.mcc-groups</c>).
/// </summary>
public enum MccGroup
{
    Other,
    Grocery,
    Fuel,
    Restaurants,
    Travel,
    Digital,
    Cash,
    Gambling,
    Retail,
}
