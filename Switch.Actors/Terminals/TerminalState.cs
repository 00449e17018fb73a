using Akka.Actor;
using Switch.Actors.Events;
using Switch.Actors.Transactions;

namespace Switch.Actors.Terminals;

/// <summary>
/// What a terminal entity knows: whether it is signed on, the outcomes of its recent requests and
/// reversals (the duplicate window, rebuilt from the journal), the requests and reversals still in
/// flight, the transactions a reversal may still name (the reversal memory), and the open batch.
/// </summary>
internal sealed class TerminalState
{
    private readonly AnswerWindow<TransactionCompleted> _completed;
    private readonly Dictionary<int, InFlight> _inFlightByStan = [];
    private readonly Dictionary<string, TransactionStarted> _unfinished = new(StringComparer.Ordinal);
    private readonly AnswerWindow<TerminalReversalCompleted> _reversalsAnswered;
    private readonly Dictionary<DuplicateKey, ReversalInFlight> _reversalsInFlight = [];
    private readonly ReversalMemory _reversible;
    private readonly OpenChallenges _challenges;
    private readonly TerminalBatch _batch;

    public TerminalState(TimeSpan window, int windowLimit, ReversalMemory reversible, OpenChallenges challenges)
    {
        _completed = new AnswerWindow<TransactionCompleted>(window, windowLimit);
        _batch = new TerminalBatch(window, windowLimit);
        _reversalsAnswered = new AnswerWindow<TerminalReversalCompleted>(window, windowLimit);
        _reversible = reversible;
        _challenges = challenges;
    }

    public bool SignedOn { get; private set; }

    /// <summary>Requests and reversals being authorized, queued or persisted; the entity may not stop while any is.</summary>
    public int InFlightCount => _inFlightByStan.Count + _reversalsInFlight.Count;

    /// <summary>Every request and reversal not answered yet, with the RRN its answer carries (empty when none is known).</summary>
    public IEnumerable<(TerminalRequest Request, string Rrn)> Unanswered =>
        _inFlightByStan.Values.SelectMany(f => f.Waiting.Select(w => (w, f.Rrn)))
            .Concat(_reversalsInFlight.Values.SelectMany(r => r.Waiting.Select(w => (w, r.Rrn))));

    public void SignOn() => SignedOn = true;

    public void SignOff() => SignedOn = false;

    /// <summary>
    /// Transactions journaled as started, possibly sent, with no outcome: after a crash, these are
    /// the ones the acquirer may hold and nobody will answer.
    /// </summary>
    public IReadOnlyCollection<TransactionStarted> Unfinished => _unfinished.Values;

    public void Started(TransactionStarted started) => _unfinished[started.Rrn] = started;

    public bool TryGetUnfinished(string rrn, out TransactionStarted started) => _unfinished.TryGetValue(rrn, out started!);

    /// <summary>
    /// Records an outcome for the duplicate window and forgets outcomes older than it; one that may
    /// have reached the acquirer is remembered for reversals too, and an approved one joins the open batch.
    /// </summary>
    public void Remember(TransactionCompleted completed, long nowUnixMs)
    {
        if (_unfinished.Remove(completed.Rrn, out var started) && ReversalMemory.MayHaveReached(completed.Outcome))
        {
            _reversible.Add(
                new ReversibleTransaction
                {
                    Started = started,
                    Reversed = completed.Outcome == Outcome.ReversalQueued,
                    AtUnixMs = completed.AtUnixMs,
                    Approved = TerminalBatch.IsApprovedSale(completed),
                },
                nowUnixMs);
        }

        _completed.Remember(KeyOf(completed.Request), completed.AtUnixMs, completed, nowUnixMs);
        _challenges.CloseRrn(completed.Rrn);
        _batch.Completed(completed);
    }

    public bool TryGetCompleted(DuplicateKey key, long nowUnixMs, out TransactionCompleted completed) =>
        _completed.TryGet(key.InTerminal, nowUnixMs, out completed);

    public bool TryGetInFlight(int stan, out InFlight inFlight) => _inFlightByStan.TryGetValue(stan, out inFlight!);

    public void Begin(InFlight inFlight) => _inFlightByStan.Add(inFlight.Key.Stan, inFlight);

    public InFlight? InFlightWith(IActorRef transaction) => _inFlightByStan.Values.FirstOrDefault(f => transaction.Equals(f.Transaction));

    public void End(int stan) => _inFlightByStan.Remove(stan);

    public void ChallengeAwaited(ChallengeAwaited awaited, long nowUnixMs) => _challenges.Open(awaited, nowUnixMs);

    public bool IsChallengeOpen(string challengeId) => _challenges.IsOpen(challengeId);

    public bool TryGetChallenge(string challengeId, long nowUnixMs, out ChallengeAwaited awaited) => _challenges.TryGet(challengeId, nowUnixMs, out awaited);

    /// <summary>
    /// Finds the original a reversal names: in flight, then among those that may have reached an
    /// acquirer, then among recent outcomes that never left the switch. Of several with one STAN,
    /// the best fit wins, then the first found (the in-flight, then the newest).
    /// </summary>
    public FoundOriginal FindOriginal(OriginalReference reference, long nowUnixMs)
    {
        var found = FoundOriginal.None;
        var best = OriginalReference.NoMatch;
        foreach (var inFlight in _inFlightByStan.Values)
        {
            Consider(reference.Rank(inFlight.Key), new FoundOriginal(OriginalStatus.InFlight, inFlight.Rrn));
        }

        foreach (var reversible in _reversible.NewestFirst(nowUnixMs))
        {
            Consider(reference.Rank(KeyOf(reversible.Started.Request)), new FoundOriginal(OriginalStatus.Sent, reversible.Started.Rrn, reversible));
        }

        foreach (var completed in _completed.Answers.Reverse())
        {
            if (!ReversalMemory.MayHaveReached(completed.Outcome))
            {
                Consider(reference.Rank(KeyOf(completed.Request)), new FoundOriginal(OriginalStatus.NotSent, completed.Rrn));
            }
        }

        return found;

        void Consider(int rank, FoundOriginal candidate)
        {
            if (rank > best)
            {
                (best, found) = (rank, candidate);
            }
        }
    }

    public bool TryGetReversible(string rrn, out ReversibleTransaction reversible) => _reversible.TryGet(rrn, out reversible);

    public bool TryGetReversalAnswered(DuplicateKey key, long nowUnixMs, out TerminalReversalCompleted answered) =>
        _reversalsAnswered.TryGet(key.InTerminal, nowUnixMs, out answered);

    public bool TryGetReversalInFlight(DuplicateKey key, out ReversalInFlight reversal) =>
        _reversalsInFlight.TryGetValue(key.InTerminal, out reversal!);

    public void BeginReversal(ReversalInFlight reversal) => _reversalsInFlight.Add(reversal.Key, reversal);

    /// <summary>
    /// The reversals of one original at one stage, copied, as the caller changes them. Asked on every
    /// completion, and there are seldom any: then it costs nothing.
    /// </summary>
    public IReadOnlyList<ReversalInFlight> ReversalsOf(string rrn, ReversalStage stage) => _reversalsInFlight.Count == 0
        ? []
        : [.. _reversalsInFlight.Values.Where(r => r.Stage == stage && string.Equals(r.Rrn, rrn, StringComparison.Ordinal))];

    /// <summary>
    /// A reversal's outcome is durable: its answer joins the duplicate window, a queued one marks its
    /// original reversed, and one that took a sale out of the open batch is counted there.
    /// </summary>
    public void ReversalCompleted(TerminalReversalCompleted completed, long nowUnixMs)
    {
        _reversalsAnswered.Remember(KeyOf(completed.Request), completed.AtUnixMs, completed, nowUnixMs);
        if (completed.Outcome == TerminalReversalOutcome.Queued)
        {
            _reversible.MarkReversed(completed.Rrn);
        }

        _batch.Reversed(completed);
    }

    /// <summary>
    /// What a reversal about to be journaled takes out of the open batch: the amount of an approved
    /// sale it is the first to reverse, else 0. Decided now and journaled with the reversal, because
    /// on replay the reversal memory may have forgotten the sale; the sale is marked reversed now
    /// (its reversal is durable in the queue already), so a second reversal of it takes nothing.
    /// </summary>
    public long TakeFromBatch(string rrn, TerminalReversalOutcome outcome)
    {
        if (outcome != TerminalReversalOutcome.Queued || !_reversible.TryGet(rrn, out var original) || original.Reversed)
        {
            return 0;
        }

        _reversible.MarkReversed(rrn);
        return original.Approved ? original.Started.Request.AmountMinor : 0;
    }

    /// <summary>The switch's number of the open batch and its totals so far.</summary>
    public (long Number, BatchTotals Totals) OpenBatch => (_batch.Number, _batch.Totals);

    public bool TryGetBatchClosed(DuplicateKey key, long nowUnixMs, out BatchClosed closed) => _batch.TryGetClosed(key, nowUnixMs, out closed);

    public void BatchClosed(BatchClosed closed, long nowUnixMs) => _batch.Close(closed, nowUnixMs);

    public void EndReversal(DuplicateKey key) => _reversalsInFlight.Remove(key.InTerminal);

    public TerminalSnapshot ToSnapshot()
    {
        var snapshot = new TerminalSnapshot { SignedOn = SignedOn };
        snapshot.Recent.AddRange(_completed.Answers);
        snapshot.Unfinished.AddRange(_unfinished.Values);
        snapshot.Reversible.AddRange(_reversible.All);
        snapshot.RecentReversals.AddRange(_reversalsAnswered.Answers);
        snapshot.Challenges.AddRange(_challenges.All);
        _batch.WriteTo(snapshot);
        return snapshot;
    }

    public void Restore(TerminalSnapshot snapshot, long nowUnixMs)
    {
        SignedOn = snapshot.SignedOn;
        foreach (var completed in snapshot.Recent)
        {
            // Not Remember: these are in the snapshot's open batch already.
            _completed.Remember(KeyOf(completed.Request), completed.AtUnixMs, completed, nowUnixMs);
        }

        foreach (var started in snapshot.Unfinished)
        {
            Started(started);
        }

        foreach (var reversible in snapshot.Reversible)
        {
            _reversible.Add(reversible, nowUnixMs);
        }

        foreach (var reversal in snapshot.RecentReversals)
        {
            _reversalsAnswered.Remember(KeyOf(reversal.Request), reversal.AtUnixMs, reversal, nowUnixMs);
        }

        foreach (var challenge in snapshot.Challenges)
        {
            _challenges.Open(challenge, nowUnixMs);
        }

        _batch.Restore(snapshot, nowUnixMs);
    }

    public static DuplicateKey KeyOf(RequestIdentity request) =>
        DuplicateKey.WithinTerminal(request.Mti, request.Stan, long.TryParse(request.TransmissionTime, out var sent) ? sent : 0, request.AmountMinor);
}
