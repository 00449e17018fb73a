using Akka.Actor;
using Switch.Actors.Transactions;

namespace Switch.Actors.Terminals;

/// <summary>
/// A request the terminal entity has not answered yet, and everyone waiting for that answer: the
/// original sender plus any exact retransmissions that arrived meanwhile.
/// </summary>
internal sealed class InFlight
{
    private readonly List<TerminalRequest> _waiting;

    public InFlight(DuplicateKey key, TerminalRequest request, IActorRef? transaction = null)
    {
        Key = key.InTerminal;
        _waiting = [request];
        Transaction = transaction;
    }

    public DuplicateKey Key { get; }

    /// <summary>The child orchestrating it; null when the terminal answers it itself.</summary>
    public IActorRef? Transaction { get; }

    public IReadOnlyList<TerminalRequest> Waiting => _waiting;

    public void Join(TerminalRequest retransmission) => _waiting.Add(retransmission);
}
