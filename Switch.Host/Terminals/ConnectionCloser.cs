namespace Switch.Host.Terminals;

/// <summary>
/// Closes one terminal connection for the first cause given, whether the read loop or Kestrel's
/// heartbeat finds it, and keeps that cause for the log line and the counter.
/// </summary>
internal sealed class ConnectionCloser
{
    private readonly CancellationTokenSource _closing;
    private readonly Lock _lock = new();
    private CloseCause? _cause;
    private bool _ended;

    public ConnectionCloser(CancellationTokenSource closing)
    {
        _closing = closing;
    }

    /// <param name="limit">The limit broken, as the closed-by-limit counter's reason; null for bad input.</param>
    public void Close(string reason, string? limit = null)
    {
        // Under the lock, so the heartbeat cannot cancel a token source End has let go of.
        lock (_lock)
        {
            if (_ended || _cause is not null)
            {
                return;
            }

            _cause = new CloseCause(reason, limit);
            _closing.Cancel();
        }
    }

    /// <summary>The connection is closing: later causes are ignored. Returns the cause, if one closed it.</summary>
    public CloseCause? End()
    {
        lock (_lock)
        {
            _ended = true;
            return _cause;
        }
    }
}

/// <summary>Why the switch closed a terminal connection.</summary>
/// <param name="Limit">The limit broken (idle, slow-frame, sign-on-flood); null when it was bad input.</param>
internal sealed record CloseCause(string Reason, string? Limit);
