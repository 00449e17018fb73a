namespace Switch.Actors.Risk;

/// <summary>The local hours counted as night: from <paramref name="From"/> up to, not including, <paramref name="To"/>, across midnight when From is later; equal hours mean no night.</summary>
public readonly record struct NightHours(int From, int To)
{
    public bool Contains(int hour) => From <= To ? hour >= From && hour < To : hour >= From || hour < To;
}
