using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Switch.Actors.Events;
using Switch.Actors.Terminals;
using Switch.Actors.Fees;
using Switch.Actors.Transactions;

namespace Switch.Host.Admin;

/// <summary>
/// The fee ledger as the journal holds it: every <see cref="TransactionCompleted"/> tagged
/// <c>mid:{MID}</c>, approved (answered 00) and carrying its <see cref="FeeRecord"/>, whose outcome was
/// journaled inside the period. Reads the merchant's whole tag and filters by time, as the SQL read
/// journal has no index on an event's own time.
/// </summary>
public sealed class FeeLedgerJournal : IFeeLedgerSource
{
    private readonly ActorSystem _system;

    // One for the node's lifetime: Materializer() starts a new supervisor actor on each call.
    private readonly Lazy<IMaterializer> _materializer;

    public FeeLedgerJournal(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _system = system;
        _materializer = new Lazy<IMaterializer>(() => system.Materializer(namePrefix: "fee-ledger"));
    }

    public async Task<IReadOnlyList<FeeLine>> ReadAsync(string mid, DateTimeOffset periodStart, DateTimeOffset periodEnd, CancellationToken cancellation)
    {
        var journal = PersistenceQuery.Get(_system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var envelopes = await journal.CurrentEventsByTag(TerminalActor.MidTagPrefix + mid, Offset.NoOffset())
            .RunWith(Sink.Seq<EventEnvelope>(), _materializer.Value)
            .WaitAsync(cancellation)
            .ConfigureAwait(false);
        return [.. envelopes
            .Select(envelope => envelope.Event is TransactionCompleted completed ? Line(completed, completed.Fee) : null)
            .OfType<FeeLine>()
            .Where(line => line.At >= periodStart && line.At < periodEnd)];
    }

    /// <summary>The statement's line of a completed transaction: only an approved one charged a fee has one.</summary>
    public static FeeLine? Line(TransactionCompleted completed, FeeRecord? fee)
    {
        ArgumentNullException.ThrowIfNull(completed);
        return fee is not null && completed.Outcome == Outcome.Answered && completed.ResponseCode == ResponseCodes.Approved
            ? new FeeLine(completed.Rrn, DateTimeOffset.FromUnixTimeMilliseconds(completed.AtUnixMs), completed.Request?.AmountMinor ?? 0, FeeRecords.FromRecord(fee))
            : null;
    }
}
