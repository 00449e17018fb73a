namespace Switch.Actors.Risk;

/// <summary>
/// One authorization to decide. <paramref name="Card"/> and <paramref name="Terminal"/> hold what
/// happened before it; the velocity features add this request to them.
/// </summary>
/// <param name="AmountMinor">Field 4, minor units.</param>
/// <param name="Mid">The registered merchant.</param>
/// <param name="Mcc">The registered merchant's category code.</param>
/// <param name="MerchantCountry">ISO 3166 alpha-2 country of the merchant.</param>
/// <param name="CardCountry">The card's country from the BIN table, or null when unknown.</param>
/// <param name="Card">The card's activity, owned by its entity: read it only there.</param>
/// <param name="Terminal">The terminal's velocity, as its entity reported it.</param>
/// <param name="Now">The time of the decision.</param>
public sealed record RiskInput(
    long AmountMinor,
    string Mid,
    string Mcc,
    string MerchantCountry,
    string? CardCountry,
    CardActivity Card,
    TerminalVelocity Terminal,
    DateTimeOffset Now);
