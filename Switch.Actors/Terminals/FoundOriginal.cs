using Switch.Actors.Events;

namespace Switch.Actors.Terminals;

/// <summary>Where the original a reversal names stands, which decides what the reversal does.</summary>
internal enum OriginalStatus
{
    /// <summary>Never seen, or older than the terminal remembers: 25.</summary>
    NotFound,

    /// <summary>Still being authorized: the reversal waits for its outcome.</summary>
    InFlight,

    /// <summary>May have reached its acquirer: the reversal goes to that acquirer's queue, unless already reversed.</summary>
    Sent,

    /// <summary>Never left the switch: acknowledged here.</summary>
    NotSent,
}

/// <param name="Rrn">The original's RRN; empty when not found.</param>
/// <param name="Reversible">Its write-ahead record and reversal state, when <see cref="OriginalStatus.Sent"/>.</param>
internal readonly record struct FoundOriginal(OriginalStatus Status, string Rrn, ReversibleTransaction? Reversible = null)
{
    public static FoundOriginal None { get; } = new(OriginalStatus.NotFound, string.Empty);
}
