using Switch.Actors.Events;
using Switch.Actors.Transactions;

namespace Switch.Actors.Terminals;

/// <summary>Where a terminal's reversal stands before its 0410 can be sent.</summary>
internal enum ReversalStage
{
    /// <summary>Its original is still in flight: what to do depends on the original's outcome.</summary>
    AwaitingOriginal,

    /// <summary>Asked of the acquirer's queue: answered once the queue says the reversal is durable.</summary>
    AwaitingQueue,

    /// <summary>Decided: its outcome is being journaled.</summary>
    Journaling,
}

/// <summary>
/// A reversal (0400/0401) from the terminal not answered yet, and everyone waiting for its 0410:
/// the first request plus any exact retransmissions that arrived meanwhile.
/// </summary>
internal sealed class ReversalInFlight
{
    private readonly List<TerminalRequest> _waiting = [];

    public ReversalInFlight(DuplicateKey key, RequestIdentity request, TerminalRequest first)
    {
        Key = key.InTerminal;
        Request = request;
        _waiting.Add(first);
    }

    public DuplicateKey Key { get; }

    /// <summary>The reversal request's own identity, journaled so its retransmission gets the same 0410.</summary>
    public RequestIdentity Request { get; }

    /// <summary>The original's RRN; empty until (unless) it is found.</summary>
    public string Rrn { get; set; } = string.Empty;

    public ReversalStage Stage { get; set; } = ReversalStage.Journaling;

    /// <summary>The original's write-ahead record, once the reversal is asked of its acquirer's queue.</summary>
    public TransactionStarted? Original { get; set; }

    public IReadOnlyList<TerminalRequest> Waiting => _waiting;

    public void Join(TerminalRequest retransmission) => _waiting.Add(retransmission);
}
