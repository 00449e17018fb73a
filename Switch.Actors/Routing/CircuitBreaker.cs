namespace Switch.Actors.Routing;

public enum CircuitState
{
    /// <summary>Requests flow.</summary>
    Closed,

    /// <summary>Cooling down after failures: skipped, until the cool-down has passed and a probe may go.</summary>
    Open,

    /// <summary>One probe request is out; its outcome closes or re-opens the circuit.</summary>
    HalfOpen,
}

/// <summary>
/// One acquirer's circuit: <see cref="BreakerSettings.Failures"/> technical failures in a row open
/// it (consecutive rather than a rate, so a trickle of traffic trips it as surely as a flood); after
/// <see cref="BreakerSettings.OpenFor"/> routing may send one probe; an approval or a decline closes
/// it, a technical failure opens it for another cool-down. A probe whose outcome never comes (its
/// transaction died) is given up after another cool-down, and the next request may probe. The time
/// is always passed in, so tests drive it.
/// </summary>
public sealed class CircuitBreaker
{
    private readonly BreakerSettings _settings;
    private int _failuresInARow;
    private DateTimeOffset _since;

    public CircuitBreaker(BreakerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
    }

    public CircuitState State { get; private set; } = CircuitState.Closed;

    /// <summary>Whether a request may be routed here now: always when closed, else only as a probe once the cool-down has passed.</summary>
    public bool Allows(DateTimeOffset now) => State == CircuitState.Closed || now - _since >= _settings.OpenFor;

    /// <summary>A request was routed here; when the circuit was not closed, it is the probe.</summary>
    public void Routed(DateTimeOffset now)
    {
        if (State != CircuitState.Closed)
        {
            State = CircuitState.HalfOpen;
            _since = now;
        }
    }

    /// <summary>An acquirer that answered (approve or decline) works.</summary>
    public void Succeeded()
    {
        State = CircuitState.Closed;
        _failuresInARow = 0;
    }

    public void Failed(DateTimeOffset now)
    {
        switch (State)
        {
            case CircuitState.HalfOpen:
                Open(now);
                break;
            case CircuitState.Closed when ++_failuresInARow >= _settings.Failures:
                Open(now);
                break;
        }
    }

    private void Open(DateTimeOffset now)
    {
        State = CircuitState.Open;
        _since = now;
        _failuresInARow = 0;
    }
}
