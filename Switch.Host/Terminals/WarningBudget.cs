using Serilog;

namespace Switch.Host.Terminals;

/// <summary>
/// How many warnings about hostile or broken terminal connections the node writes a second. A flood
/// of connections or bad frames would otherwise write a line each (30,000 in 15 s was seen): the
/// attack would move from the port to the disk. The counters still count every one; past the budget a
/// second's lines are dropped and one line says how many.
/// </summary>
internal sealed class WarningBudget
{
    private const long WindowMs = 1000;

    private readonly int _perSecond;
    private readonly Lock _lock = new();
    private long _windowEnd = long.MinValue;
    private int _taken;
    private long _dropped;

    public WarningBudget(int perSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        _perSecond = perSecond;
    }

    /// <summary>
    /// True when a warning may be written now. Opening a new second, it first writes to
    /// <paramref name="log"/> how many the last busy second dropped.
    /// </summary>
    public bool TryTake(ILogger log, long nowMs)
    {
        long dropped;
        lock (_lock)
        {
            if (nowMs < _windowEnd)
            {
                if (_taken < _perSecond)
                {
                    _taken++;
                    return true;
                }

                _dropped++;
                return false;
            }

            dropped = _dropped;
            _windowEnd = nowMs + WindowMs;
            _taken = 1;
            _dropped = 0;
        }

        if (dropped > 0)
        {
            log.Warning("{Dropped} more terminal connection warnings were not logged (over {PerSecond} a second); the switch_terminal_* counters count them all", dropped, _perSecond);
        }

        return true;
    }
}
