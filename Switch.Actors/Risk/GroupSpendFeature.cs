namespace Switch.Actors.Risk;

/// <summary>The per-MCC-group profile features: each is named with a group's name appended (<c>spend_30d_grocery</c>).</summary>
internal enum GroupSpendFeature
{
    Spend30d,
    Spend90d,
    Count30d,
    Count90d,
}
