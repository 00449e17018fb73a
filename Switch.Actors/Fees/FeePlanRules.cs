using System.Globalization;

namespace Switch.Actors.Fees;

/// <summary>
/// What a plan id, a change and its terms must look like. Each check answers null when the value is
/// fine, else an error naming the admin API's field, e.g. <c>effectiveFrom: ... is in the past</c>.
/// </summary>
public static class FeePlanRules
{
    public const int MaxIdLength = 64;
    public const int MaxChangedByLength = 64;

    /// <summary>A fixed fee is at most the largest amount field 4 can carry (12 digits).</summary>
    public const long MaxFixedMinor = 999_999_999_999;

    /// <summary>Printable ASCII without spaces, as a merchant names it (<c>feePlan</c>) and a URL carries it.</summary>
    public static string? Id(string id) =>
        id.Length >= 1 && id.Length <= MaxIdLength && id.All(c => c is > ' ' and <= '~')
            ? null
            : $"id: '{id}' must be 1 to {MaxIdLength} printable ASCII characters without spaces";

    public static string? ChangedBy(string changedBy) =>
        !string.IsNullOrWhiteSpace(changedBy) && changedBy.Length <= MaxChangedByLength && !changedBy.Any(char.IsControl)
            ? null
            : $"changedBy: must be 1 to {MaxChangedByLength} characters, not blank and without control characters";

    public static string? Fixed(string field, long fixedMinor) =>
        fixedMinor is >= 0 and <= MaxFixedMinor ? null : $"{field}: {fixedMinor} is not a whole number of minor units from 0 to {MaxFixedMinor}";

    public static string? Check(FeeTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return Fixed("cardFixed", terms.CardFixedMinor) ?? Fixed("qrFixed", terms.QrFixedMinor);
    }

    /// <summary>
    /// No backdating and no silent rate changes: a new version takes effect now or later, and no
    /// earlier than the plan's latest version (a scheduled change is corrected by a version with the
    /// same effective-from, which supersedes it). Nothing before <paramref name="now"/> ever changes.
    /// </summary>
    public static string? EffectiveFrom(FeePlan? plan, DateTimeOffset effectiveFrom, DateTimeOffset now)
    {
        if (effectiveFrom < now)
        {
            return $"effectiveFrom: {Text(effectiveFrom)} is in the past (now is {Text(now)}); a rate change applies from now or later, never backdated";
        }

        return plan is not null && effectiveFrom < plan.Latest.EffectiveFrom
            ? $"effectiveFrom: {Text(effectiveFrom)} is before version {plan.Latest.Version}'s {Text(plan.Latest.EffectiveFrom)}; a version takes effect no earlier than the one before it"
            : null;
    }

    private static string Text(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture);
}
