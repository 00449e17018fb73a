namespace Switch.Actors.Acquirers;

// What the link tells itself. Reports of a connection carry its attempt number, because those of a
// connection already given up may still be on their way.

/// <summary>The transport of <paramref name="Attempt"/> connected.</summary>
internal sealed record Connected(int Attempt);

/// <summary>The transport of <paramref name="Attempt"/> could not connect.</summary>
internal sealed record ConnectFailed(int Attempt, string Reason);

/// <summary>The connection of <paramref name="Attempt"/> is gone.</summary>
internal sealed record TransportClosed(int Attempt, string Reason);

/// <summary>A request's timeout: both the timer's key and its message, so it can be cancelled without allocating.</summary>
internal sealed record RequestExpired(AcquirerMatchKey Key);

/// <summary>The link's own timers; each value is its timer's key and message.</summary>
internal enum LinkTimer
{
    ConnectTimeout,
    EchoDue,
    Reconnect,
}
