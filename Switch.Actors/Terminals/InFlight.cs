using Akka.Actor;
using Switch.Actors.Transactions;

namespace Switch.Actors.Terminals;

/// <summary>
/// A request the terminal entity has not answered yet, and everyone waiting for that answer: the
/// original sender plus any exact retransmissions that arrived meanwhile. One recovered after a
/// crash has no sender left, only retransmissions.
/// </summary>
internal sealed class InFlight
{
    private readonly List<TerminalRequest> _waiting = [];

    public InFlight(DuplicateKey key, string rrn, TerminalRequest? request = null, IActorRef? transaction = null)
    {
        Key = key.InTerminal;
        Rrn = rrn;
        if (request is not null)
        {
            _waiting.Add(request);
        }

        Transaction = transaction;
    }

    public DuplicateKey Key { get; }

    public string Rrn { get; }

    /// <summary>The child orchestrating it; null when the terminal answers it itself.</summary>
    public IActorRef? Transaction { get; }

    public IReadOnlyList<TerminalRequest> Waiting => _waiting;

    public void Join(TerminalRequest retransmission) => _waiting.Add(retransmission);
}
