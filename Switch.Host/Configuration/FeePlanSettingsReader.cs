using System.Globalization;
using Switch.Actors.Fees;

namespace Switch.Host.Configuration;

/// <summary>Maps <c>switch.fee-plans = [ ... ]</c> onto the fee plans' seed, refusing the first bad key by name.</summary>
internal static class FeePlanSettingsReader
{
    /// <summary>Version 1 of a configured plan applies from the Unix epoch unless <c>effective-from</c> says otherwise.</summary>
    private static readonly DateTimeOffset Always = DateTimeOffset.UnixEpoch;

    /// <summary>Reads the <c>fee-plans</c> list of <paramref name="parent"/> (the <c>switch</c> block).</summary>
    public static IReadOnlyList<FeePlanSeed> Read(ConfigReader parent)
    {
        var plans = parent.Objects("fee-plans").Select(ReadPlan).ToList();
        RiskSettingsReader.RequireUnique(plans.Select(p => p.Id), parent.Key("fee-plans"), "id");
        return plans;
    }

    private static FeePlanSeed ReadPlan(ConfigReader plan)
    {
        var id = plan.RequiredText("id");
        if (FeePlanRules.Id(id) is { } problem)
        {
            throw plan.Invalid("id", problem["id: ".Length..]);
        }

        var terms = new FeeTerms(Rate(plan, "card-rate"), Rate(plan, "qr-rate"), Fixed(plan, "card-fixed"), Fixed(plan, "qr-fixed"));
        return new FeePlanSeed(id, terms, plan.Config.HasPath("effective-from") ? Instant(plan, "effective-from") : Always);
    }

    private static FeeRate Rate(ConfigReader plan, string key) =>
        FeeRate.TryParse(plan.Text(key), out var rate, out var problem) ? rate : throw plan.Invalid(key, problem);

    /// <summary>Minor units per transaction; 0 when not configured.</summary>
    private static long Fixed(ConfigReader plan, string key) =>
        plan.Config.HasPath(key) ? plan.Long(key, 0, FeePlanRules.MaxFixedMinor) : 0;

    private static DateTimeOffset Instant(ConfigReader plan, string key)
    {
        var text = plan.Text(key);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime()
            : throw plan.Invalid(key, $"'{text}' is not an ISO 8601 date-time such as 2026-01-01T00:00:00Z");
    }
}
