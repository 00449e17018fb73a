namespace Switch.Actors.Risk.Conditions;

/// <summary>
/// A condition on an authorization's features, as rules and offers write it:
/// <c>card_small_count_1h &gt;= 5 and (mcc_group = digital or not cross_border = 0)</c>.
/// Comparisons <c>&lt; &lt;= &gt; &gt;= = !=</c> put a feature on the left and a value on the
/// right: a number for numeric features, a word or quoted text for text features (= and != only,
/// ignoring case). <c>not</c> binds tightest, then <c>and</c>, then <c>or</c>; parentheses group.
/// Parsed once, at start-up; matching allocates nothing.
/// </summary>
public sealed class Condition
{
    private readonly ConditionNode _root;

    private Condition(string text, ConditionNode root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The condition as written.</summary>
    public string Text { get; }

    /// <exception cref="ConditionSyntaxException">A syntax error or an unknown feature, with its column and what was expected.</exception>
    public static Condition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Condition(text.Trim(), ConditionParser.Parse(text));
    }

    public bool Matches(RiskFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return _root.Matches(features);
    }

    public override string ToString() => Text;
}
