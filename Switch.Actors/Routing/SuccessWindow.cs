namespace Switch.Actors.Routing;

/// <summary>
/// One acquirer's last N outcomes, each a technical success (it answered, approve or decline) or a
/// technical failure (timeout, lost link, unreadable answer, 91, 96). Card declines are successes
/// here: they say something about the card, not the acquirer.
/// </summary>
public sealed class SuccessWindow
{
    private readonly bool[] _outcomes;
    private int _next;
    private int _count;
    private int _successes;

    public SuccessWindow(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _outcomes = new bool[size];
    }

    public int Count => _count;

    public int Successes => _successes;

    public void Record(bool success)
    {
        if (_count == _outcomes.Length)
        {
            _successes -= _outcomes[_next] ? 1 : 0;
        }
        else
        {
            _count++;
        }

        _outcomes[_next] = success;
        _successes += success ? 1 : 0;
        _next = (_next + 1) % _outcomes.Length;
    }

    /// <summary>
    /// Whether this window's rate is higher than <paramref name="other"/>'s, compared exactly by
    /// cross-multiplying. An empty window counts as all successes, so a new acquirer gets traffic.
    /// </summary>
    public bool IsBetterThan(SuccessWindow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (mine, mineOf) = _count == 0 ? (1, 1) : (_successes, _count);
        var (theirs, theirsOf) = other._count == 0 ? (1, 1) : (other._successes, other._count);
        return (long)mine * theirsOf > (long)theirs * mineOf;
    }
}
