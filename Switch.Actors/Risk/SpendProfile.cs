namespace Switch.Actors.Risk;

/// <summary>A card's approved spend per MCC group over some number of days.</summary>
public sealed class SpendProfile
{
    private readonly ActivityTotals[] _byGroup;

    internal SpendProfile(ActivityTotals[] byGroup)
    {
        _byGroup = byGroup;
        All = byGroup.Aggregate(default(ActivityTotals), (all, group) => all.Add(group));
    }

    public ActivityTotals this[MccGroup group] => _byGroup[(int)group];

    /// <summary>Over every group.</summary>
    public ActivityTotals All { get; }
}
