using System.Text.Json.Serialization;
using Switch.Actors.Registry;

namespace Switch.Host.Admin;

/// <summary>A merchant as the admin API shows it (camelCase JSON; challenge as always, risk or never).</summary>
public sealed record MerchantResource(string Mid, string Name, string Mcc, string Country, string Challenge, string? FeePlan)
{
    public static MerchantResource From(Merchant merchant)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        var challenge = merchant.Challenge switch
        {
            ChallengePolicy.Always => "always",
            ChallengePolicy.Never => "never",
            _ => "risk",
        };
        return new(merchant.Mid, merchant.Name, merchant.Mcc, merchant.Country, challenge, merchant.FeePlan);
    }
}

/// <summary>
/// A terminal as the admin API shows it: never its master key, only the key's check value, left out
/// for a terminal without one (so such a terminal reads exactly as before keys existed).
/// </summary>
public sealed record TerminalResource(string Tid, string Mid, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? KeyCheckValue);
