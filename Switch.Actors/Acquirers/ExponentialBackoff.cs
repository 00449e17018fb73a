namespace Switch.Actors.Acquirers;

/// <summary>
/// Delays between attempts: from the minimum, doubling after each failure up to the maximum, until
/// reset. A link reconnecting and a reversal being repeated both back off this way.
/// </summary>
internal sealed class ExponentialBackoff(TimeSpan min, TimeSpan max)
{
    private readonly TimeSpan _min = min;
    private TimeSpan _next = min;

    public TimeSpan Next()
    {
        var delay = _next;
        _next = delay >= max / 2 ? max : delay * 2;
        return delay;
    }

    public void Reset() => _next = _min;
}
