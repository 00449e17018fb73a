using Switch.Actors.Events;

namespace Switch.Actors.Terminals;

/// <summary>
/// A terminal's transactions that may have reached an acquirer, each with its write-ahead record
/// (all a reversal is built from) and whether it is reversed, for the reversal window and at most
/// <c>limit</c> of them, the oldest forgotten first: the duplicate window is minutes, but a terminal
/// may reverse hours later, and a busy terminal's state must stay bounded.
/// </summary>
internal sealed class ReversalMemory
{
    private readonly TimeSpan _window;
    private readonly int _limit;
    private readonly LinkedList<ReversibleTransaction> _byAge = new();
    private readonly Dictionary<string, LinkedListNode<ReversibleTransaction>> _byRrn = new(StringComparer.Ordinal);

    public ReversalMemory(TimeSpan window, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _window = window;
        _limit = limit;
    }

    /// <summary>The transactions remembered, oldest first, as a snapshot lists them.</summary>
    public IEnumerable<ReversibleTransaction> All => _byAge;

    /// <summary>
    /// Whether an outcome means the request may have reached the acquirer: answered, or sent and
    /// unanswered. Declined locally and unavailable mean nothing left the switch.
    /// </summary>
    public static bool MayHaveReached(Outcome outcome) => outcome is Outcome.Answered or Outcome.ReversalQueued or Outcome.ReversalRefused;

    /// <summary>Remembers a transaction and forgets those past the window or the limit.</summary>
    public void Add(ReversibleTransaction transaction, long nowUnixMs)
    {
        if (_byRrn.Remove(transaction.Started.Rrn, out var previous))
        {
            _byAge.Remove(previous);
        }

        _byRrn.Add(transaction.Started.Rrn, _byAge.AddLast(transaction));
        var oldest = OldestKept(nowUnixMs);
        while (_byAge.First is { } first && (_byAge.Count > _limit || first.Value.AtUnixMs < oldest))
        {
            _byRrn.Remove(first.Value.Started.Rrn);
            _byAge.RemoveFirst();
        }
    }

    /// <summary>The transactions still inside the window, newest first: a reversal most likely names a recent one.</summary>
    public IEnumerable<ReversibleTransaction> NewestFirst(long nowUnixMs)
    {
        var oldest = OldestKept(nowUnixMs);
        for (var node = _byAge.Last; node is not null && node.Value.AtUnixMs >= oldest; node = node.Previous)
        {
            yield return node.Value;
        }
    }

    public bool TryGet(string rrn, out ReversibleTransaction transaction)
    {
        transaction = _byRrn.TryGetValue(rrn, out var node) ? node.Value : null!;
        return transaction is not null;
    }

    /// <summary>
    /// Replaced rather than changed, because a snapshot being written on another thread may hold the old one.
    /// </summary>
    public void MarkReversed(string rrn)
    {
        if (_byRrn.TryGetValue(rrn, out var node))
        {
            node.Value = new ReversibleTransaction(node.Value) { Reversed = true };
        }
    }

    private long OldestKept(long nowUnixMs) => nowUnixMs - (long)_window.TotalMilliseconds;
}
