using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Switch.Actors.Risk;

/// <summary>Every feature name the configuration may use, and where each one's value sits.</summary>
public static class FeatureCatalog
{
    internal static readonly int FixedNumbers = Enum.GetValues<NumberFeature>().Length;

    internal static readonly int Groups = Enum.GetValues<MccGroup>().Length;

    internal static readonly int Numbers = FixedNumbers + (Enum.GetValues<GroupSpendFeature>().Length * Groups);

    internal static readonly int Texts = Enum.GetValues<TextFeature>().Length;

    // Before ByName: static fields start in the order written, and building the names reads this.
    private static readonly string[] GroupNames = [.. Enum.GetValues<MccGroup>().Select(g => g.ToString().ToLowerInvariant())];

    private static readonly FrozenDictionary<string, Feature> ByName = Build().ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Every feature, numbers first, in slot order.</summary>
    public static IReadOnlyList<Feature> All { get; } = [.. ByName.Values.OrderBy(f => f.Kind).ThenBy(f => f.Index)];

    public static bool TryFind(string name, [NotNullWhen(true)] out Feature? feature) => ByName.TryGetValue(name, out feature);

    /// <summary>A group's lower-case name, as features and configuration write it.</summary>
    public static string Name(MccGroup group) => GroupNames[(int)group];

    internal static int Slot(NumberFeature feature) => (int)feature;

    internal static int Slot(GroupSpendFeature feature, MccGroup group) => FixedNumbers + ((int)feature * Groups) + (int)group;

    private static IEnumerable<Feature> Build()
    {
        foreach (var feature in Enum.GetValues<NumberFeature>())
        {
            yield return new Feature(SnakeCase(feature.ToString()), FeatureKind.Number, Slot(feature));
        }

        foreach (var feature in Enum.GetValues<GroupSpendFeature>())
        {
            foreach (var group in Enum.GetValues<MccGroup>())
            {
                yield return new Feature($"{SnakeCase(feature.ToString())}_{Name(group)}", FeatureKind.Number, Slot(feature, group));
            }
        }

        foreach (var feature in Enum.GetValues<TextFeature>())
        {
            yield return new Feature(SnakeCase(feature.ToString()), FeatureKind.Text, (int)feature);
        }
    }

    /// <summary><c>CardCount24h</c> to <c>card_count_24h</c>: a break before each capital and before the digits after a letter.</summary>
    private static string SnakeCase(string pascal)
    {
        var name = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && (char.IsAsciiLetterUpper(c) || (char.IsAsciiDigit(c) && char.IsAsciiLetter(pascal[i - 1]))))
            {
                name.Append('_');
            }

            name.Append(char.ToLowerInvariant(c));
        }

        return name.ToString();
    }
}
