namespace Switch.Actors.Acquirers;

/// <summary>The link's own system trace audit numbers (field 11, n6): 1 to 999999, then 1 again.</summary>
internal sealed class StanSequence(int last = 0)
{
    private const int Max = 999_999;

    private int _last = last;

    public int Next() => _last = (_last % Max) + 1;
}
