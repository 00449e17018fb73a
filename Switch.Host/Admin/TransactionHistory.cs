using System.Text.Json;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Google.Protobuf;
using Switch.Actors.Terminals;
using Switch.Actors.Transactions;

namespace Switch.Host.Admin;

/// <summary>
/// A transaction's journaled history by RRN: every event tagged <c>rrn:{RRN}</c>, from the terminal's
/// journal and the reversal queues, in journal order. Events hold no clear PAN (only its masked form
/// and keyed token), so they are shown as they are.
/// </summary>
public sealed class TransactionHistory
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    private readonly ActorSystem _system;

    // One for the node's lifetime: Materializer() starts a new supervisor actor on each call.
    private readonly Lazy<IMaterializer> _materializer;

    public TransactionHistory(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _system = system;
        _materializer = new Lazy<IMaterializer>(() => system.Materializer(namePrefix: "transaction-history"));
    }

    public static bool IsRrn(string rrn) => rrn.Length == RrnGenerator.Length && rrn.All(char.IsAsciiDigit);

    public async Task<IReadOnlyList<HistoryEntry>> FindAsync(string rrn, CancellationToken cancellation)
    {
        var journal = PersistenceQuery.Get(_system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var envelopes = await journal.CurrentEventsByTag(TerminalActor.RrnTagPrefix + rrn, Offset.NoOffset())
            .RunWith(Sink.Seq<EventEnvelope>(), _materializer.Value)
            .WaitAsync(cancellation)
            .ConfigureAwait(false);
        return envelopes.Select(Entry).ToList();
    }

    private static HistoryEntry Entry(EventEnvelope envelope) => new(
        envelope.PersistenceId,
        envelope.SequenceNr,
        envelope.Event is IMessage message ? message.Descriptor.FullName : envelope.Event.GetType().Name,
        envelope.Event is IMessage proto ? JsonDocument.Parse(Formatter.Format(proto)).RootElement : null);
}

/// <summary>One journaled event of a transaction's history.</summary>
public sealed record HistoryEntry(string PersistenceId, long SequenceNr, string Type, JsonElement? Event);
