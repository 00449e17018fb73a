using System.Globalization;

namespace Switch.Actors.Risk;

/// <summary>The feature values of one authorization, by name or (for compiled conditions and the score) by slot.</summary>
public sealed class RiskFeatures
{
    private readonly double[] _numbers;
    private readonly string[] _texts;

    internal RiskFeatures(double[] numbers, string[] texts)
    {
        _numbers = numbers;
        _texts = texts;
    }

    /// <exception cref="KeyNotFoundException">No numeric feature has the name.</exception>
    public double Number(string name) => FeatureCatalog.TryFind(name, out var feature) && feature.Kind == FeatureKind.Number
        ? _numbers[feature.Index]
        : throw new KeyNotFoundException($"'{name}' is not a numeric feature");

    /// <exception cref="KeyNotFoundException">No text feature has the name.</exception>
    public string Text(string name) => FeatureCatalog.TryFind(name, out var feature) && feature.Kind == FeatureKind.Text
        ? _texts[feature.Index]
        : throw new KeyNotFoundException($"'{name}' is not a text feature");

    internal double Number(int slot) => _numbers[slot];

    internal string Text(int slot) => _texts[slot];

    /// <summary>A value as reasons show it: whole numbers plainly, ratios to two places.</summary>
    internal static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
