using Switch.Actors.Risk.Conditions;

namespace Switch.Actors.Risk;

/// <summary>A named rule: when its condition matches, the decision is its action (see <see cref="RiskEngine"/> for the order).</summary>
public sealed record RiskRule(string Name, Condition When, RiskAction Action);
