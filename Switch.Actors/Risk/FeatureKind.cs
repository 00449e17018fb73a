namespace Switch.Actors.Risk;

public enum FeatureKind
{
    /// <summary>Compared with numbers (<c>&lt; &lt;= &gt; &gt;= = !=</c>) and usable in the score.</summary>
    Number,

    /// <summary>Compared with words or quoted text (<c>= !=</c>, ignoring case).</summary>
    Text,
}
