using Akka.Actor;
using Switch.Actors.Events;
using Switch.Actors.Transactions;

namespace Switch.Actors.Terminals;

/// <summary>
/// What a terminal entity knows: whether it is signed on, the outcomes of its recent requests (the
/// duplicate window, rebuilt from the journal), and the requests still in flight by STAN.
/// </summary>
internal sealed class TerminalState
{
    private readonly AnswerWindow<TransactionCompleted> _completed;
    private readonly Dictionary<int, InFlight> _inFlightByStan = [];
    private readonly Dictionary<string, TransactionStarted> _unfinished = new(StringComparer.Ordinal);

    public TerminalState(TimeSpan window)
    {
        _completed = new AnswerWindow<TransactionCompleted>(window);
    }

    public bool SignedOn { get; private set; }

    /// <summary>Requests being authorized or persisted; the entity may not stop while any is.</summary>
    public int InFlightCount => _inFlightByStan.Count;

    public void SignOn() => SignedOn = true;

    public void SignOff() => SignedOn = false;

    /// <summary>
    /// Transactions journaled as started, possibly sent, with no outcome: after a crash, these are
    /// the ones the acquirer may hold and nobody will answer.
    /// </summary>
    public IReadOnlyCollection<TransactionStarted> Unfinished => _unfinished.Values;

    public void Started(TransactionStarted started) => _unfinished[started.Rrn] = started;

    public bool TryGetUnfinished(string rrn, out TransactionStarted started) => _unfinished.TryGetValue(rrn, out started!);

    /// <summary>Records an outcome for the duplicate window and forgets outcomes older than it.</summary>
    public void Remember(TransactionCompleted completed, long nowUnixMs)
    {
        _unfinished.Remove(completed.Rrn);
        _completed.Remember(KeyOf(completed.Request), completed.AtUnixMs, completed, nowUnixMs);
    }

    public bool TryGetCompleted(DuplicateKey key, long nowUnixMs, out TransactionCompleted completed) =>
        _completed.TryGet(key.InTerminal, nowUnixMs, out completed);

    public bool TryGetInFlight(int stan, out InFlight inFlight) => _inFlightByStan.TryGetValue(stan, out inFlight!);

    public void Begin(InFlight inFlight) => _inFlightByStan.Add(inFlight.Key.Stan, inFlight);

    public InFlight? InFlightWith(IActorRef transaction) => _inFlightByStan.Values.FirstOrDefault(f => transaction.Equals(f.Transaction));

    public void End(int stan) => _inFlightByStan.Remove(stan);

    public TerminalSnapshot ToSnapshot()
    {
        var snapshot = new TerminalSnapshot { SignedOn = SignedOn };
        snapshot.Recent.AddRange(_completed.Answers);
        snapshot.Unfinished.AddRange(_unfinished.Values);
        return snapshot;
    }

    public void Restore(TerminalSnapshot snapshot, long nowUnixMs)
    {
        SignedOn = snapshot.SignedOn;
        foreach (var completed in snapshot.Recent)
        {
            Remember(completed, nowUnixMs);
        }

        foreach (var started in snapshot.Unfinished)
        {
            Started(started);
        }
    }

    public static DuplicateKey KeyOf(RequestIdentity request) =>
        DuplicateKey.WithinTerminal(request.Mti, request.Stan, long.TryParse(request.TransmissionTime, out var sent) ? sent : 0, request.AmountMinor);
}
