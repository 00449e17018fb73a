namespace Switch.Actors.Risk.Conditions;

/// <summary>A parsed condition, evaluated per authorization: features by slot, nothing allocated.</summary>
internal abstract class ConditionNode
{
    public abstract bool Matches(RiskFeatures features);
}

internal sealed class AllOf(ConditionNode[] terms) : ConditionNode
{
    public override bool Matches(RiskFeatures features)
    {
        foreach (var term in terms)
        {
            if (!term.Matches(features))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed class AnyOf(ConditionNode[] terms) : ConditionNode
{
    public override bool Matches(RiskFeatures features)
    {
        foreach (var term in terms)
        {
            if (term.Matches(features))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class Negation(ConditionNode term) : ConditionNode
{
    public override bool Matches(RiskFeatures features) => !term.Matches(features);
}

internal sealed class NumberComparison(int slot, Comparison comparison, double value) : ConditionNode
{
    public override bool Matches(RiskFeatures features)
    {
        var feature = features.Number(slot);
        return comparison switch
        {
            Comparison.Less => feature < value,
            Comparison.LessOrEqual => feature <= value,
            Comparison.Greater => feature > value,
            Comparison.GreaterOrEqual => feature >= value,
            Comparison.Equal => feature == value,
            _ => feature != value,
        };
    }
}

/// <summary>Ignores case, so <c>card_country = cn</c> and <c>mcc_group = Grocery</c> mean what they say.</summary>
internal sealed class TextComparison(int slot, bool equal, string value) : ConditionNode
{
    public override bool Matches(RiskFeatures features) =>
        string.Equals(features.Text(slot), value, StringComparison.OrdinalIgnoreCase) == equal;
}
