using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Switch.Actors.Fees;

namespace Switch.Host.Admin;

/// <summary>
/// The body of <c>PUT /api/fee-plans/{id}</c>, read by hand rather than bound so that every mistake
/// is a 400 naming the field: <c>{"cardRate": "0.60%", "qrRate": "0.38%", "cardFixed"?: 0,
/// "qrFixed"?: 0, "effectiveFrom"?: "2026-12-01T00:00:00Z", "changedBy": "ops@example"}</c>. Rates
/// are strings with a % sign (a JSON number would invite 0.6 meaning 60%); fixed fees are whole
/// minor units; effectiveFrom, when left out, is now. Whether it is in the past is the fee-plan
/// registry's check, against its own clock.
/// </summary>
public static class FeePlanRequests
{
    private const string Fields = "cardRate, qrRate, cardFixed, qrFixed, effectiveFrom, changedBy";

    public static bool TryReadChange(string planId, JsonElement body, [NotNullWhen(true)] out AddFeePlanVersion? change, [NotNullWhen(false)] out string? error)
    {
        change = null;
        FeeRate? cardRate = null, qrRate = null;
        long cardFixed = 0, qrFixed = 0;
        DateTimeOffset? effectiveFrom = null;
        string? changedBy = null;
        error = FeePlanRules.Id(planId);
        foreach (var property in body.EnumerateObject())
        {
            error ??= property.Name switch
            {
                "id" => property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() == planId ? null : $"id: the body names another plan than the path ({planId})",
                "cardRate" => ReadRate(property, out cardRate),
                "qrRate" => ReadRate(property, out qrRate),
                "cardFixed" => ReadFixed(property, out cardFixed),
                "qrFixed" => ReadFixed(property, out qrFixed),
                "effectiveFrom" => ReadInstant(property, out effectiveFrom),
                "changedBy" => ReadString(property, out changedBy),
                _ => $"{property.Name}: not a field of a fee plan change ({Fields})",
            };
        }

        error ??= (cardRate is null ? "cardRate: is required" : null)
            ?? (qrRate is null ? "qrRate: is required" : null)
            ?? (changedBy is null ? "changedBy: is required" : FeePlanRules.ChangedBy(changedBy));
        if (error is not null)
        {
            return false;
        }

        change = new AddFeePlanVersion(planId, new FeeTerms(cardRate!.Value, qrRate!.Value, cardFixed, qrFixed), effectiveFrom, changedBy!);
        return true;
    }

    private static string? ReadRate(JsonProperty property, out FeeRate? rate)
    {
        rate = null;
        if (property.Value.ValueKind != JsonValueKind.String)
        {
            return $"{property.Name}: a percentage as a string, such as \"0.60%\", is expected";
        }

        if (!FeeRate.TryParse(property.Value.GetString()!, out var parsed, out var problem))
        {
            return $"{property.Name}: {problem}";
        }

        rate = parsed;
        return null;
    }

    private static string? ReadFixed(JsonProperty property, out long fixedMinor)
    {
        fixedMinor = 0;
        return property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out fixedMinor)
            ? FeePlanRules.Fixed(property.Name, fixedMinor)
            : $"{property.Name}: a whole number of minor units is expected";
    }

    private static string? ReadInstant(JsonProperty property, out DateTimeOffset? instant)
    {
        instant = null;
        if (property.Value.ValueKind != JsonValueKind.String)
        {
            return $"{property.Name}: an ISO 8601 date-time as a string is expected";
        }

        var error = FeeInstants.TryRead(property.Name, property.Value.GetString()!, out var parsed);
        instant = error is null ? parsed : null;
        return error;
    }

    private static string? ReadString(JsonProperty property, out string? value)
    {
        value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
        return value is null ? $"{property.Name}: a string is expected" : null;
    }
}
