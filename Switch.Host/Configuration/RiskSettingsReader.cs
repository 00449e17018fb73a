using System.Globalization;
using Akka.Configuration;
using Switch.Actors.Risk;
using Switch.Actors.Risk.Conditions;

namespace Switch.Host.Configuration;

/// <summary>Maps <c>switch.risk { ... }</c> onto <see cref="RiskSettings"/>, refusing the first bad key by name.</summary>
public static class RiskSettingsReader
{
    private static readonly TimeSpan MaxUtcOffset = TimeSpan.FromHours(14);

    /// <summary>Reads <c>switch.risk</c> of a whole configuration.</summary>
    public static RiskSettings Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Read(new ConfigReader(config, string.Empty).Child("switch").Child("risk"));
    }

    internal static RiskSettings Read(ConfigReader risk)
    {
        var night = risk.Child("night");
        var features = new FeatureSettings(
            risk.Long("small-amount", 0, 999_999_999_999),
            UtcOffset(risk, "utc-offset"),
            new NightHours(night.Int("from", 0, 23), night.Int("to", 0, 23)),
            ReadMcc(risk));
        return new RiskSettings(features, ReadBins(risk), ReadRules(risk), ReadScore(risk.Child("score")));
    }

    /// <summary>A condition, its syntax errors reported under its key with their column.</summary>
    internal static Condition ReadCondition(ConfigReader block, string key)
    {
        try
        {
            return Condition.Parse(block.RequiredText(key));
        }
        catch (ConditionSyntaxException ex)
        {
            throw block.Invalid(key, ex.Message);
        }
    }

    /// <summary>A number that may have decimals (weights and ratios; never money).</summary>
    internal static double Number(ConfigReader block, string key, double min, double max)
    {
        var text = block.Text(key);
        return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) &&
            value >= min && value <= max
            ? value
            : throw block.Invalid(key, $"'{text}' is not a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
    }

    internal static void RequireUnique(IEnumerable<string> values, string key, string what)
    {
        var duplicate = values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ConfigurationKeyException(key, $"{what} '{duplicate.Key}' appears more than once");
        }
    }

    private static TimeSpan UtcOffset(ConfigReader block, string key)
    {
        var text = block.Text(key);
        if (text.Length > 0 && text[0] is '+' or '-' &&
            TimeSpan.TryParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var offset) && offset <= MaxUtcOffset)
        {
            return text[0] == '-' ? -offset : offset;
        }

        throw block.Invalid(key, $"'{text}' is not an offset from UTC such as +08:00 or -05:00 (at most 14 hours)");
    }

    private static MccGroups ReadMcc(ConfigReader risk)
    {
        var groups = Ranges<MccGroup>(risk.Child("mcc-groups"));
        var classes = Ranges<MccRiskClass>(risk.Child("mcc-risk"));
        // Twice, so a conflict is reported under the block it is in.
        Build([], "mcc-groups");
        return Build(classes, "mcc-risk");

        MccGroups Build(List<KeyValuePair<MccRiskClass, MccRange>> riskClasses, string key)
        {
            try
            {
                return new MccGroups(groups, riskClasses);
            }
            catch (ArgumentException ex)
            {
                throw risk.Invalid(key, ex.Message);
            }
        }
    }

    /// <summary>A block of <c>name = [ codes and ranges ]</c>, each name one of <typeparamref name="T"/>'s, in lower case.</summary>
    private static List<KeyValuePair<T, MccRange>> Ranges<T>(ConfigReader block)
        where T : struct, Enum
    {
        var names = Enum.GetValues<T>().ToDictionary(v => v.ToString().ToLowerInvariant(), v => v, StringComparer.Ordinal);
        var ranges = new List<KeyValuePair<T, MccRange>>();
        foreach (var (name, _) in block.Config.AsEnumerable())
        {
            if (!names.TryGetValue(name, out var value))
            {
                throw block.Invalid(name, $"'{name}' is not one of {string.Join(", ", names.Keys)}");
            }

            var codes = block.Strings(name);
            for (var i = 0; i < codes.Count; i++)
            {
                ranges.Add(MccRange.TryParse(codes[i], out var range)
                    ? new KeyValuePair<T, MccRange>(value, range)
                    : throw new ConfigurationKeyException($"{block.Key(name)}[{i}]", $"'{codes[i]}' is not an MCC (4 digits) or a range of them such as 3000-3999"));
            }
        }

        return ranges;
    }

    private static BinTable ReadBins(ConfigReader risk)
    {
        var entries = risk.Objects("bins").Select(bin =>
        {
            var prefix = bin.RequiredText("prefix");
            if (!BinTable.IsPrefix(prefix))
            {
                throw bin.Invalid("prefix", $"'{prefix}' must be 1 to {BinTable.MaxPrefixLength} digits");
            }

            string? country = bin.Config.HasPath("country") ? bin.Text("country") : null;
            if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
            {
                throw bin.Invalid("country", $"'{country}' is not an ISO 3166 alpha-2 code such as CN");
            }

            return new BinEntry(prefix, country, bin.Config.HasPath("scheme") ? bin.RequiredText("scheme") : null);
        }).ToList();
        RequireUnique(entries.Select(e => e.Prefix), risk.Key("bins"), "prefix");
        return new BinTable(entries);
    }

    private static List<RiskRule> ReadRules(ConfigReader risk)
    {
        var rules = risk.Objects("rules")
            .Select(rule => new RiskRule(rule.RequiredText("name"), ReadCondition(rule, "when"), rule.Choice<RiskAction>("action")))
            .ToList();
        RequireUnique(rules.Select(r => r.Name), risk.Key("rules"), "name");
        return rules;
    }

    private static ScoreSettings ReadScore(ConfigReader score)
    {
        var weights = score.Objects("features").Select(weight =>
        {
            var name = weight.RequiredText("feature");
            if (!FeatureCatalog.TryFind(name, out var feature) || feature.Kind != FeatureKind.Number)
            {
                throw weight.Invalid("feature", $"'{name}' is not a numeric feature (the risk block of switch.conf lists them)");
            }

            return new ScoreWeight(name, Number(weight, "weight", 0.01, 100), Number(weight, "saturate-at", 1e-9, 1e15));
        }).ToList();
        RequireUnique(weights.Select(w => w.Feature), score.Key("features"), "feature");
        var challengeAt = score.Int("challenge-at", 1, 100);
        var declineAt = score.Int("decline-at", 1, 101);
        return declineAt >= challengeAt
            ? new ScoreSettings(weights, challengeAt, declineAt)
            : throw score.Invalid("decline-at", "must not be below challenge-at");
    }
}
