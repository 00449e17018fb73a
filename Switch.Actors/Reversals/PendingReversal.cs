using Switch.Actors.Acquirers;
using Switch.Actors.Events;

namespace Switch.Actors.Reversals;

/// <summary>One reversal not yet answered, and where its delivery stands.</summary>
internal sealed class PendingReversal(ReversalQueued queued, long order, AcquirerMatchKey key, ExponentialBackoff backoff)
{
    public ReversalQueued Queued { get; } = queued;

    public string Rrn => Queued.Rrn;

    /// <summary>Place in the queue: the lower, the older, the sooner sent.</summary>
    public long Order { get; } = order;

    /// <summary>What the link matches the answer by; the same for the 0400 and every 0401.</summary>
    public AcquirerMatchKey Key { get; } = key;

    public ExponentialBackoff Backoff { get; } = backoff;

    /// <summary>Its ReversalQueued is journaled; until then it is neither sent nor in a snapshot.</summary>
    public bool Durable { get; set; }

    /// <summary>Attempts so far; one recovered after a restart counts as tried once before it.</summary>
    public int Attempts { get; set; }

    /// <summary>An attempt may have reached the acquirer, so every later one is a repeat (0401).</summary>
    public bool Repeat { get; set; }
}
