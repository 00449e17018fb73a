using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Switch.Actors.Events;

namespace Switch.Tests.Host.Persistence;

/// <summary>
/// A persistent actor as the switch's are: persists what it is told (tagged when asked, several at
/// once for a batch), answers with its sequence number, and reports what it recovered.
/// </summary>
internal sealed class EventLog : ReceivePersistentActor
{
    public const string Report = "report";
    private readonly List<long> _seen = [];
    private IActorRef _asker = ActorRefs.Nobody;

    public EventLog(string persistenceId)
    {
        PersistenceId = persistenceId;
        Recover<TerminalSignedOn>(e => _seen.Add(e.AtUnixMs));
        Command<Append>(append =>
        {
            _asker = Sender;
            var asker = Sender;
            var events = append.Values.Select(v => (object)new Tagged(new TerminalSignedOn { AtUnixMs = v }, append.Tags));
            PersistAll(events, e => _seen.Add(((TerminalSignedOn)((Tagged)e).Payload).AtUnixMs));
            DeferAsync(LastSequenceNr, _ => asker.Tell(LastSequenceNr));
        });
        Command<Poison>(poison =>
        {
            _asker = Sender;
            Persist(poison, _ => _asker.Tell("persisted"));
        });
        Command<Delete>(delete =>
        {
            _asker = Sender;
            DeleteMessages(delete.To);
        });
        Command<DeleteMessagesSuccess>(done => _asker.Tell(done.ToSequenceNr));
        Command<string>(_ => Sender.Tell(new Recovered(_seen.ToArray(), LastSequenceNr)));
    }

    public override string PersistenceId { get; }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistRejected(cause, @event, sequenceNr);
        _asker.Tell("rejected");
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _asker.Tell("failed");
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    public sealed record Append(long[] Values, string[] Tags);

    public sealed record Delete(long To);

    public sealed record Recovered(long[] Values, long LastSequenceNr);
}
