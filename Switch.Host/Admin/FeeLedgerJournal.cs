using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Google.Protobuf.Reflection;
using Switch.Actors.Events;
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
    /// <summary>The tag of a merchant's completed transactions, followed by its MID.</summary>
    public const string MidTagPrefix = "mid:";

    /// <summary>
    /// <c>TransactionCompleted.fee</c>, the transaction side's field of type <see cref="FeeRecord"/>,
    /// found by name so that this compiles before and after terminal_events.proto has it; once it
    /// does, this is <c>completed.Fee</c>.
    /// </summary>
    private static readonly FieldDescriptor? FeeField = TransactionCompleted.Descriptor.FindFieldByName("fee");

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
        var envelopes = await journal.CurrentEventsByTag(MidTagPrefix + mid, Offset.NoOffset())
            .RunWith(Sink.Seq<EventEnvelope>(), _materializer.Value)
            .WaitAsync(cancellation)
            .ConfigureAwait(false);
        return [.. envelopes
            .Select(envelope => envelope.Event is TransactionCompleted completed ? Line(completed, FeeField?.Accessor.GetValue(completed) as FeeRecord) : null)
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
