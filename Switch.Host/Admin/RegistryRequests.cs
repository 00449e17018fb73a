using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using Switch.Actors.Registry;
using Switch.Actors.Terminals.Keys;
using Switch.Protocol.Security;

namespace Switch.Host.Admin;

/// <summary>
/// The bodies of <c>PUT /api/merchants/{mid}</c> and <c>PUT /api/terminals/{tid}</c>, read by hand
/// rather than bound, so every mistake is a 400 whose error names the field: a number where a string
/// belongs (an MCC such as 0742 must keep its zero), a misspelt field, a missing one. The id comes
/// from the path; the body may repeat it (a GET's answer can be sent back) but not contradict it.
/// </summary>
public static class RegistryRequests
{
    private const string MerchantFields = "name, mcc, country, feePlan, challenge";

    /// <summary>The request body as one JSON object, or an error when it is not JSON or not an object.</summary>
    public static async Task<(JsonElement Body, string? Error)> ReadObjectAsync(Stream body, CancellationToken cancellation)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellation).ConfigureAwait(false);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (default, "body: a JSON object is expected");
        }
        catch (JsonException ex)
        {
            return (default, $"body: malformed JSON ({ex.Message})");
        }
    }

    /// <summary><c>{"name", "mcc", "country", "feePlan"?, "challenge"?}</c>: challenge is always, risk (the default) or never.</summary>
    public static bool TryReadMerchant(string mid, JsonElement body, [NotNullWhen(true)] out Merchant? merchant, [NotNullWhen(false)] out string? error)
    {
        merchant = null;
        string? name = null, mcc = null, country = null, feePlan = null;
        var challenge = ChallengePolicy.Risk;
        error = RegistryRules.Mid(mid);
        foreach (var property in body.EnumerateObject())
        {
            error ??= property.Name switch
            {
                "mid" => SameId(property, mid),
                "name" => ReadString(property, out name),
                "mcc" => ReadString(property, out mcc),
                "country" => ReadString(property, out country),
                "feePlan" => ReadOptionalString(property, out feePlan),
                "challenge" => ReadChallenge(property, out challenge),
                _ => $"{property.Name}: not a field of a merchant ({MerchantFields})",
            };
        }

        error ??= Required("name", name) ?? RegistryRules.Name(name!)
            ?? Required("mcc", mcc) ?? RegistryRules.Mcc(mcc!)
            ?? Required("country", country) ?? RegistryRules.Country(country!)
            ?? RegistryRules.FeePlan(feePlan);
        if (error is not null)
        {
            return false;
        }

        merchant = new Merchant(mid, name!, mcc!, country!, challenge, feePlan);
        return true;
    }

    /// <summary>
    /// <c>{"mid", "masterKey"?}</c>: the merchant the terminal belongs to and its MAC master key, 32
    /// hex digits, sealed here at once; <c>"masterKey": null</c> removes the key, leaving it out keeps
    /// the one the terminal has (<see cref="RegisterTerminal.KeepKey"/>). An error never repeats the key.
    /// </summary>
    public static bool TryReadTerminal(string tid, JsonElement body, TerminalKeyCipher keys, [NotNullWhen(true)] out RegisterTerminal? command, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(keys);
        command = null;
        string? mid = null;
        SealedTerminalKey? key = null;
        var keepKey = true;
        error = RegistryRules.Tid(tid);
        foreach (var property in body.EnumerateObject())
        {
            error ??= property.Name switch
            {
                "tid" => SameId(property, tid),
                "mid" => ReadString(property, out mid),
                "masterKey" => ReadMasterKey(property, tid, keys, out key, out keepKey),
                _ => $"{property.Name}: not a field of a terminal (mid, masterKey)",
            };
        }

        error ??= Required("mid", mid) ?? RegistryRules.Mid(mid!);
        if (error is not null)
        {
            return false;
        }

        command = new RegisterTerminal(new TerminalRegistration(tid, mid!, key), keepKey);
        return true;
    }

    private static string? ReadMasterKey(JsonProperty property, string tid, TerminalKeyCipher keys, out SealedTerminalKey? key, out bool keepKey)
    {
        key = null;
        keepKey = false;
        if (property.Value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var hex = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : string.Empty;
        if (hex.Length != 2 * MacKeys.KeyLength || !hex.All(char.IsAsciiHexDigit))
        {
            return $"masterKey: {2 * MacKeys.KeyLength} hex digits (an AES-128 key) or null are expected";
        }

        var clear = Convert.FromHexString(hex);
        try
        {
            key = keys.Seal(tid, clear);
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }

    private static string? ReadString(JsonProperty property, out string? value)
    {
        value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
        return value is null ? $"{property.Name}: a string is expected" : null;
    }

    private static string? ReadOptionalString(JsonProperty property, out string? value)
    {
        value = null;
        return property.Value.ValueKind == JsonValueKind.Null ? null : ReadString(property, out value);
    }

    private static string? ReadChallenge(JsonProperty property, out ChallengePolicy challenge)
    {
        challenge = ChallengePolicy.Risk;
        if (ReadOptionalString(property, out var text) is { } error)
        {
            return error;
        }

        switch (text?.ToUpperInvariant())
        {
            case null or "RISK":
                return null;
            case "ALWAYS":
                challenge = ChallengePolicy.Always;
                return null;
            case "NEVER":
                challenge = ChallengePolicy.Never;
                return null;
            default:
                return $"challenge: '{text}' is not one of always, risk, never";
        }
    }

    private static string? SameId(JsonProperty property, string pathId) =>
        property.Value.ValueKind == JsonValueKind.String && string.Equals(property.Value.GetString(), pathId, StringComparison.Ordinal)
            ? null
            : $"{property.Name}: the body names another {property.Name} than the path ({pathId})";

    private static string? Required(string field, string? value) => value is null ? $"{field}: is required" : null;
}
