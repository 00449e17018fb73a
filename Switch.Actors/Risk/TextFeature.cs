namespace Switch.Actors.Risk;

/// <summary>The text features, in slot order, named like <see cref="NumberFeature"/>.</summary>
internal enum TextFeature
{
    MccGroup,
    Mcc,
    Mid,
    MerchantCountry,
    CardCountry,
}
