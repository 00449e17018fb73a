namespace Switch.Actors.Risk;

/// <summary>What a range of card numbers is known to be: the issuer's country and the card scheme, when configured.</summary>
/// <param name="Prefix">The leading digits (1 to <see cref="BinTable.MaxPrefixLength"/>) the entry covers.</param>
/// <param name="Country">ISO 3166 alpha-2 country of the issuer, or null when unknown.</param>
/// <param name="Scheme">The card scheme (visa, unionpay, ...), or null when unknown.</param>
public sealed record BinEntry(string Prefix, string? Country, string? Scheme);
