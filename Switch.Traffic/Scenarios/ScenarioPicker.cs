namespace Switch.Traffic.Scenarios;

/// <summary>
/// One terminal's choice of scenario per flow: smooth weighted round robin (as nginx balances
/// upstreams), so the mix is exact over every window of the weights' total and deterministic, with
/// the scenarios spread out rather than in runs. Terminals start at different points of the cycle so
/// they do not all reverse at once. Not thread-safe: one terminal, under its send lock.
/// </summary>
internal sealed class ScenarioPicker
{
    private readonly int[] _weights;
    private readonly int[] _current;
    private readonly int _total;

    public ScenarioPicker(int[] weights, int offset)
    {
        _weights = weights;
        _current = new int[weights.Length];
        _total = weights.Sum();
        if (_total <= 0)
        {
            throw new ArgumentException("at least one weight must be above 0", nameof(weights));
        }

        for (var i = 0; i < offset % _total; i++)
        {
            Next();
        }
    }

    public Scenario Next()
    {
        var best = -1;
        for (var i = 0; i < _weights.Length; i++)
        {
            _current[i] += _weights[i];
            if (_weights[i] > 0 && (best < 0 || _current[i] > _current[best]))
            {
                best = i;
            }
        }

        _current[best] -= _total;
        return (Scenario)best;
    }
}
