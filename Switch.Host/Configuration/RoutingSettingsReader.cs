using Switch.Actors.Risk;
using Switch.Actors.Routing;

namespace Switch.Host.Configuration;

/// <summary>Maps <c>switch.routing { ... }</c> onto a <see cref="RoutingTable"/>, refusing the first bad key by name.</summary>
internal static class RoutingSettingsReader
{
    private const int MaxWeight = 10_000;
    private const int MaxRateBps = 10_000;
    private const long MaxFixedFee = 999_999_999_999;
    private const long MaxAmount = 999_999_999_999;

    private delegate bool Parser<T>(string text, out T value);

    /// <param name="acquirers">The names in <c>switch.acquirers</c>: every acquirer named here must be one of them.</param>
    public static RoutingTable Read(ConfigReader routing, IReadOnlyList<string> acquirers)
    {
        var known = acquirers.ToHashSet(StringComparer.Ordinal);
        var costs = ReadCosts(routing.Child("costs"), known);
        var rules = routing.Objects("rules").Select(rule => ReadRule(rule, known, costs)).ToList();
        RiskSettingsReader.RequireUnique(rules.Select(r => r.Name), routing.Key("rules"), "name");
        var breaker = routing.Child("circuit-breaker");
        var successRate = routing.Child("success-rate");
        return new RoutingTable(
            rules,
            costs,
            new BreakerSettings(breaker.Int("failures", 1, 1000), breaker.Duration("open-for")),
            new SuccessRateSettings(successRate.Int("window", 1, 100_000), RiskSettingsReader.Number(successRate, "exploration", 0, 0.5)));
    }

    private static RouteRule ReadRule(ConfigReader rule, HashSet<string> known, CostTable costs)
    {
        var name = rule.RequiredText("name");
        if (name == RouteRule.DefaultName)
        {
            throw rule.Invalid("name", $"'{RouteRule.DefaultName}' is the rule used when none matches; name this one otherwise");
        }

        var candidates = rule.Strings("acquirers");
        if (candidates.Count == 0)
        {
            throw rule.Invalid("acquirers", "must name at least one acquirer");
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            if (!known.Contains(candidates[i]))
            {
                throw new ConfigurationKeyException($"{rule.Key("acquirers")}[{i}]", $"'{candidates[i]}' is not an acquirer in switch.acquirers");
            }
        }

        RiskSettingsReader.RequireUnique(candidates, rule.Key("acquirers"), "acquirer");
        var strategy = rule.Config.HasPath("strategy") ? rule.Choice<RoutingStrategy>("strategy") : RoutingStrategy.Priority;
        var instruments = Optional<PaymentInstrument>(rule, "instruments", TryInstrument, "card or qr");
        var (min, max) = ReadAmount(rule);
        var parsed = new RouteRule(name, candidates, strategy, ReadWeights(rule, strategy, candidates))
        {
            Bins = Optional<BinRange>(rule, "bins", BinRange.TryParse, $"a BIN prefix of 1 to {BinRange.MaxDigits} digits, or a range of them such as 400000-499999"),
            Schemes = Optional(rule, "schemes", (string text, out string scheme) => (scheme = text).Length > 0, "a scheme as switch.risk.bins names it").ToHashSet(StringComparer.OrdinalIgnoreCase),
            Instruments = instruments.ToHashSet(),
            Mccs = Optional<MccRange>(rule, "mccs", MccRange.TryParse, "an MCC (4 digits) or a range of them such as 3000-3999"),
            MinAmount = min,
            MaxAmount = max,
            Currencies = Optional(rule, "currencies", (string text, out string code) => (code = text).Length == 3 && text.All(char.IsAsciiDigit), "an ISO 4217 numeric code as field 49 carries it, such as 156").ToHashSet(StringComparer.Ordinal),
            Countries = Optional(rule, "countries", (string text, out string code) => (code = text).Length == 2 && text.All(char.IsAsciiLetterUpper), "an ISO 3166 alpha-2 code such as CN").ToHashSet(StringComparer.Ordinal),
        };
        if (strategy == RoutingStrategy.LeastCost)
        {
            // Every acquirer needs a cost for every instrument the rule can match, or the comparison means nothing.
            foreach (var acquirer in candidates)
            {
                foreach (var instrument in instruments.Count == 0 ? Enum.GetValues<PaymentInstrument>() : [.. instruments])
                {
                    if (!costs.Has(acquirer, instrument))
                    {
                        throw rule.Invalid("strategy", $"least-cost needs switch.routing.costs.{acquirer}.{PaymentInstruments.Name(instrument)}: this rule can match {PaymentInstruments.Name(instrument)} payments");
                    }
                }
            }
        }

        return parsed;
    }

    /// <summary>An optional list whose every item <paramref name="parse"/> accepts.</summary>
    private static List<T> Optional<T>(ConfigReader rule, string key, Parser<T> parse, string expected)
    {
        if (!rule.Config.HasPath(key))
        {
            return [];
        }

        var items = rule.Strings(key);
        var parsed = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            parsed.Add(parse(items[i], out var value) ? value : throw new ConfigurationKeyException($"{rule.Key(key)}[{i}]", $"'{items[i]}' is not {expected}"));
        }

        return parsed;
    }

    /// <summary><c>card</c> or <c>qr</c>, any letter case (never a number, which Enum.TryParse would take).</summary>
    private static bool TryInstrument(string text, out PaymentInstrument instrument) =>
        Enum.TryParse(text, ignoreCase: true, out instrument) && Enum.IsDefined(instrument) && !char.IsAsciiDigit(text.FirstOrDefault());

    private static (long Min, long Max) ReadAmount(ConfigReader rule)
    {
        if (!rule.Config.HasPath("amount"))
        {
            return (0, long.MaxValue);
        }

        var amount = rule.Child("amount");
        var min = amount.Config.HasPath("min") ? amount.Long("min", 0, MaxAmount) : 0;
        var max = amount.Config.HasPath("max") ? amount.Long("max", 0, MaxAmount) : long.MaxValue;
        return max >= min ? (min, max) : throw amount.Invalid("max", "must not be below min");
    }

    private static Dictionary<string, int> ReadWeights(ConfigReader rule, RoutingStrategy strategy, IReadOnlyList<string> candidates)
    {
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        if (strategy != RoutingStrategy.Weighted)
        {
            return rule.Config.HasPath("weights") ? throw rule.Invalid("weights", "is only for strategy = weighted") : weights;
        }

        var block = rule.Child("weights");
        foreach (var acquirer in candidates)
        {
            weights[acquirer] = block.Int(acquirer, 0, MaxWeight);
        }

        if (block.Config.AsEnumerable().Select(e => e.Key).FirstOrDefault(k => !weights.ContainsKey(k)) is { } stray)
        {
            throw block.Invalid(stray, $"'{stray}' is not one of this rule's acquirers");
        }

        return weights.Values.Any(w => w > 0) ? weights : throw rule.Invalid("weights", "must give at least one acquirer a weight above 0");
    }

    private static CostTable ReadCosts(ConfigReader costs, HashSet<string> known)
    {
        var table = new List<KeyValuePair<(string, PaymentInstrument), AcquirerCost>>();
        foreach (var acquirer in costs.Config.AsEnumerable().Select(e => e.Key))
        {
            if (!known.Contains(acquirer))
            {
                throw costs.Invalid(acquirer, $"'{acquirer}' is not an acquirer in switch.acquirers");
            }

            var block = costs.Child(acquirer);
            foreach (var instrument in block.Config.AsEnumerable().Select(e => e.Key))
            {
                if (!TryInstrument(instrument, out var parsed))
                {
                    throw block.Invalid(instrument, $"'{instrument}' is not card or qr");
                }

                var cost = block.Child(instrument);
                table.Add(new((acquirer, parsed), new AcquirerCost(cost.Int("rate-bps", 0, MaxRateBps), cost.Long("fixed", 0, MaxFixedFee))));
            }
        }

        return new CostTable(table);
    }
}
