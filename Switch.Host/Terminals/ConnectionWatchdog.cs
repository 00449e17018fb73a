using Switch.Host.Configuration;

namespace Switch.Host.Terminals;

/// <summary>
/// The timed limits of one terminal connection: when a byte last arrived, and since when a frame has
/// been left unfinished. The read loop reports; Kestrel's heartbeat asks about once a second, so a
/// connection costs no timer of its own. Times are <see cref="Environment.TickCount64"/> milliseconds.
/// </summary>
internal sealed class ConnectionWatchdog
{
    public const string Idle = "idle";
    public const string SlowFrame = "slow-frame";

    private const long NoFrame = long.MinValue;

    private readonly long _idleTimeout;
    private readonly long _frameTimeout;
    private long _lastReceived;
    private long _frameStarted = NoFrame;

    // Touched by the read loop only.
    private bool _frameCompleted;

    public ConnectionWatchdog(TerminalLimits limits, long now)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _idleTimeout = (long)limits.IdleTimeout.TotalMilliseconds;
        _frameTimeout = (long)limits.FrameTimeout.TotalMilliseconds;
        _lastReceived = now;
    }

    /// <summary>A whole frame (a message or a keep-alive) was read.</summary>
    public void FrameCompleted() => _frameCompleted = true;

    /// <summary>A read brought bytes; <paramref name="pending"/> of them belong to a frame not yet complete.</summary>
    public void Received(long pending, long now)
    {
        Volatile.Write(ref _lastReceived, now);
        if (pending == 0)
        {
            Volatile.Write(ref _frameStarted, NoFrame);
        }
        else if (_frameCompleted || Volatile.Read(ref _frameStarted) == NoFrame)
        {
            // When a frame completed in this read, the unfinished one after it began in this read too:
            // a terminal that pipelines, whose reads keep ending mid-frame, is not taken for a slow one.
            Volatile.Write(ref _frameStarted, now);
        }

        _frameCompleted = false;
    }

    /// <summary>The limit the connection has broken by <paramref name="now"/>, or null.</summary>
    public string? Check(long now)
    {
        if (now - Volatile.Read(ref _lastReceived) >= _idleTimeout)
        {
            return Idle;
        }

        var started = Volatile.Read(ref _frameStarted);
        return started != NoFrame && now - started >= _frameTimeout ? SlowFrame : null;
    }
}
