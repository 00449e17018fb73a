namespace Switch.Actors.Registry;

/// <summary>
/// What a merchant and a terminal registration must look like, as fields 41 and 42 carry them and
/// as the rest of the switch relies on them. Each check answers null when the value is fine, else
/// an error naming the field, e.g. <c>mcc: '54x1' is not 4 digits</c>.
/// </summary>
public static class RegistryRules
{
    public const int MaxMidLength = 15;
    public const int MaxTidLength = 8;
    public const int MaxNameLength = 64;
    public const int MaxFeePlanLength = 64;

    public static string? Mid(string mid) => Identifier("mid", mid, MaxMidLength);

    public static string? Tid(string tid) => Identifier("tid", tid, MaxTidLength);

    public static string? Mcc(string mcc) =>
        mcc.Length == 4 && mcc.All(char.IsAsciiDigit) ? null : $"mcc: '{mcc}' is not 4 digits";

    public static string? Country(string country) =>
        country.Length == 2 && country.All(char.IsAsciiLetterUpper) ? null : $"country: '{country}' is not an ISO 3166 alpha-2 code in capitals, such as CN";

    public static string? Name(string name) => Text("name", name, MaxNameLength);

    public static string? FeePlan(string? feePlan) => feePlan is null ? null : Text("feePlan", feePlan, MaxFeePlanLength);

    /// <summary>The first thing wrong with a merchant, or null.</summary>
    public static string? Check(Merchant merchant)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        return Mid(merchant.Mid) ?? Name(merchant.Name) ?? Mcc(merchant.Mcc) ?? Country(merchant.Country) ?? FeePlan(merchant.FeePlan)
            ?? (Enum.IsDefined(merchant.Challenge) ? null : $"challenge: {(int)merchant.Challenge} is not a challenge policy");
    }

    /// <summary>The first thing wrong with a terminal registration in itself (whether its merchant exists is the registry's question), or null.</summary>
    public static string? Check(TerminalRegistration terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        return Tid(terminal.Tid) ?? Mid(terminal.Mid);
    }

    /// <summary>Printable ASCII without spaces: a terminal sends its TID and MID so, padding aside.</summary>
    private static string? Identifier(string field, string value, int maxLength) =>
        value.Length >= 1 && value.Length <= maxLength && value.All(c => c is > ' ' and <= '~')
            ? null
            : $"{field}: '{value}' must be 1 to {maxLength} printable ASCII characters without spaces";

    private static string? Text(string field, string value, int maxLength) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= maxLength && !value.Any(char.IsControl)
            ? null
            : $"{field}: must be 1 to {maxLength} characters, not blank and without control characters";
}
