using System.Diagnostics.CodeAnalysis;
using Switch.Actors.Acquirers;
using Switch.Actors.Events;

namespace Switch.Actors.Reversals;

/// <summary>
/// What a reversal queue knows: the reversals not yet answered, which of them are ready to go
/// (oldest first), which await the acquirer (by the key its answer comes back under), and the RRNs
/// answered recently. Delivery state (ready, in flight, backing off) is not journaled: after a
/// restart every pending reversal is ready again, as a repeat.
/// </summary>
internal sealed class ReversalQueueState(TimeSpan retryMin, TimeSpan retryMax, TimeSpan answeredMemory)
{
    private readonly Dictionary<string, PendingReversal> _pending = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, PendingReversal> _ready = [];
    private readonly Dictionary<AcquirerMatchKey, PendingReversal> _inFlight = [];
    private readonly Dictionary<string, ReversalAnswered> _answered = new(StringComparer.Ordinal);
    private readonly Queue<ReversalAnswered> _answeredByAge = new();
    private long _nextOrder;

    public int PendingCount => _pending.Count;

    /// <summary>Queued (durable or being journaled) or answered within the memory: queuing it again changes nothing.</summary>
    public bool IsKnown(string rrn) => _pending.ContainsKey(rrn) || _answered.ContainsKey(rrn);

    /// <summary>Holds the RRN while its ReversalQueued is being journaled.</summary>
    public PendingReversal Reserve(ReversalQueued queued, AcquirerMatchKey key)
    {
        var pending = new PendingReversal(queued, _nextOrder++, key, new ExponentialBackoff(retryMin, retryMax));
        _pending.Add(queued.Rrn, pending);
        return pending;
    }

    /// <summary>Its ReversalQueued is durable: the reversal may be sent.</summary>
    public void Enqueued(PendingReversal pending)
    {
        pending.Durable = true;
        _ready.Add(pending.Order, pending);
    }

    /// <summary>Its ReversalQueued was refused by the journal: the RRN may be queued afresh.</summary>
    public void Release(string rrn) => _pending.Remove(rrn);

    /// <summary>
    /// A reversal journaled before a restart. Its first attempt may have gone out before the crash,
    /// so it is sent as a repeat. Without a key (the profile can no longer carry it) it is kept, and
    /// snapshotted, but never sent, so a corrected profile finds it after the next restart.
    /// </summary>
    public void Restore(ReversalQueued queued, AcquirerMatchKey? key)
    {
        var pending = Reserve(queued, key ?? default);
        pending.Attempts = 1;
        pending.Repeat = true;
        if (key is null)
        {
            pending.Durable = true;
        }
        else
        {
            Enqueued(pending);
        }
    }

    /// <summary>
    /// Moves the oldest ready reversals in flight until <paramref name="maxInFlight"/> are, skipping
    /// any whose key is already in flight (two originals of one terminal with one STAN): their
    /// answers could not be told apart. Returns the ones to send now.
    /// </summary>
    public List<PendingReversal> Launch(int maxInFlight)
    {
        var launched = new List<PendingReversal>();
        foreach (var pending in _ready.Values)
        {
            if (_inFlight.Count >= maxInFlight)
            {
                break;
            }

            if (_inFlight.TryAdd(pending.Key, pending))
            {
                pending.Attempts++;
                launched.Add(pending);
            }
        }

        foreach (var pending in launched)
        {
            _ready.Remove(pending.Order);
        }

        return launched;
    }

    /// <summary>The link's reply to the attempt in flight under <paramref name="key"/> has come.</summary>
    public bool TryLand(AcquirerMatchKey key, [NotNullWhen(true)] out PendingReversal? pending) =>
        _inFlight.Remove(key, out pending);

    /// <summary>A failed reversal's backoff has passed: it is ready again, in its old place.</summary>
    public void Retry(string rrn)
    {
        if (_pending.TryGetValue(rrn, out var pending) && pending.Durable)
        {
            _ready.TryAdd(pending.Order, pending);
        }
    }

    /// <summary>The reversal is done: forgotten, its RRN remembered for <c>answeredMemory</c> after <paramref name="nowUnixMs"/>.</summary>
    public void Answered(ReversalAnswered answered, long nowUnixMs)
    {
        // Live, an answered reversal was in flight; in recovery it was made ready by its ReversalQueued.
        if (_pending.Remove(answered.Rrn, out var pending))
        {
            _ready.Remove(pending.Order);
        }

        _answered[answered.Rrn] = answered;
        _answeredByAge.Enqueue(answered);
        var oldest = nowUnixMs - (long)answeredMemory.TotalMilliseconds;
        while (_answeredByAge.TryPeek(out var entry) && entry.AtUnixMs < oldest)
        {
            _answeredByAge.Dequeue();
            if (_answered.TryGetValue(entry.Rrn, out var stored) && ReferenceEquals(stored, entry))
            {
                _answered.Remove(entry.Rrn);
            }
        }
    }

    /// <summary>The journaled queue: durable reversals oldest first, and the RRNs remembered as answered.</summary>
    public ReversalQueueSnapshot ToSnapshot()
    {
        var snapshot = new ReversalQueueSnapshot();
        snapshot.Pending.AddRange(_pending.Values.Where(p => p.Durable).OrderBy(p => p.Order).Select(p => p.Queued));
        snapshot.Answered.AddRange(_answeredByAge.Where(a => ReferenceEquals(_answered.GetValueOrDefault(a.Rrn), a)));
        return snapshot;
    }
}
