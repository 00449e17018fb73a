namespace Switch.Actors.Risk;

/// <summary>A named feature of an authorization, as rules, the score and offers refer to it.</summary>
/// <param name="Name">The name used in configuration (<c>card_count_1h</c>).</param>
/// <param name="Kind">Number or text.</param>
/// <param name="Index">Its slot among the features of its kind in <see cref="RiskFeatures"/>.</param>
public sealed record Feature(string Name, FeatureKind Kind, int Index);
