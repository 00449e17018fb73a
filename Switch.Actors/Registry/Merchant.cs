namespace Switch.Actors.Registry;

/// <summary>A merchant as registered: its id (field 42), the category code its transactions always carry, and its country.</summary>
/// <param name="Mid">Merchant id, up to 15 characters.</param>
/// <param name="Name">Display name.</param>
/// <param name="Mcc">Merchant category code, 4 digits.</param>
/// <param name="Country">ISO 3166 alpha-2 country code.</param>
/// <param name="Challenge">When to challenge the cardholder.</param>
/// <param name="FeePlan">The fee plan agreed with the merchant, when one is named.</param>
public sealed record Merchant(string Mid, string Name, string Mcc, string Country, ChallengePolicy Challenge, string? FeePlan = null);
