namespace Switch.Actors.Risk;

/// <summary>How many uses, and how much money in minor units, over some window.</summary>
public readonly record struct ActivityTotals(int Count, long SumMinor)
{
    public ActivityTotals Add(long amountMinor) => new(Count + 1, SumMinor + amountMinor);

    public ActivityTotals Add(ActivityTotals other) => new(Count + other.Count, SumMinor + other.SumMinor);

    /// <summary>The average amount, 0 without uses; a ratio, so a double.</summary>
    public double Average => Count == 0 ? 0 : (double)SumMinor / Count;
}
