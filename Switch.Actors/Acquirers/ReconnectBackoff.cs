namespace Switch.Actors.Acquirers;

/// <summary>Reconnect delays: from the minimum, doubling after each failure up to the maximum, until a sign-on succeeds.</summary>
internal sealed class ReconnectBackoff(TimeSpan min, TimeSpan max)
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
