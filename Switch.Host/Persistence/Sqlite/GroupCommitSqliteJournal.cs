using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace Switch.Host.Persistence.Sqlite;

/// <summary>
/// An SQLite write journal with group commit, writing Akka.Persistence.Sql's tables exactly as that
/// plugin does (see <see cref="JournalSchema"/>), so its read journal, its journal and anything that
/// reads the tables directly keep working. Events are serialized here, on the journal actor; every
/// batch then joins one bounded queue that <see cref="GroupCommitWriter"/> drains into one transaction
/// per commit. Recovery reads on connections of its own, off the journal actor.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "An actor ends in PostStop, which disposes the writer.")]
public sealed class GroupCommitSqliteJournal : AsyncWriteJournal
{
    private readonly GroupCommitWriter _writer;
    private readonly JournalReader _reader;
    private readonly EventSerializer _serializer;
    private readonly Type _readJournalQuestion = ReadJournalHandshake.Question;

    /// <summary>
    /// Each persistence id's last write not yet committed. A restarted actor reads its highest sequence
    /// number only after that write has landed (or failed), or it would reuse a sequence number.
    /// </summary>
    private readonly ConcurrentDictionary<string, Task> _inFlight = new(StringComparer.Ordinal);

    public GroupCommitSqliteJournal(Config config)
    {
        var settings = SqliteJournalSettings.From(config);
        _writer = new GroupCommitWriter(settings);
        _reader = new JournalReader(settings);
        _serializer = new EventSerializer((ExtendedActorSystem)Context.System);
    }

    protected override Task<IImmutableList<Exception>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        var writes = messages.ToList();
        var now = DateTime.UtcNow.Ticks;
        var rows = new List<SerializedEvent>();
        Exception[]? rejections = null;
        for (var i = 0; i < writes.Count; i++)
        {
            if (TrySerialize(writes[i], now, rows) is { } rejection)
            {
                rejections ??= new Exception[writes.Count];
                rejections[i] = rejection;
            }
        }

        if (rows.Count == 0)
        {
            return Task.FromResult<IImmutableList<Exception>>(ImmutableList.Create(rejections!));
        }

        var written = _writer.Submit(new AppendEvents(rows, cancellationToken), cancellationToken);
        Track(writes, written);
        return Rejections(written, rejections);
    }

    public override Task ReplayMessagesAsync(IActorContext context, string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<IPersistentRepresentation> recoveryCallback) =>
        Task.Run(() => _reader.Replay(persistenceId, fromSequenceNr, toSequenceNr, max, row => recoveryCallback(_serializer.Deserialize(persistenceId, row))));

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken)
    {
        var pending = _inFlight.TryGetValue(persistenceId, out var write) ? write : Task.CompletedTask;
        return pending.ContinueWith(_ => _reader.HighestSequenceNr(persistenceId), cancellationToken, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    protected override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) =>
        _writer.Submit(new DeleteEvents(persistenceId, toSequenceNr, cancellationToken), cancellationToken);

    protected override bool ReceivePluginInternal(object message)
    {
        if (message.GetType() != _readJournalQuestion)
        {
            return false;
        }

        Sender.Tell(ReadJournalHandshake.Answer);
        return true;
    }

    protected override void PostStop()
    {
        _writer.Dispose();
        base.PostStop();
    }

    /// <summary>An atomic write is serialized whole or rejected whole (Akka's contract); rejection leaves the others be.</summary>
    private Exception? TrySerialize(AtomicWrite write, long now, List<SerializedEvent> rows)
    {
        var events = (IImmutableList<IPersistentRepresentation>)write.Payload;
        var serialized = new SerializedEvent[events.Count];
        try
        {
            for (var i = 0; i < events.Count; i++)
            {
                serialized[i] = _serializer.Serialize(events[i], now);
            }
        }
#pragma warning disable CA1031 // Whatever a serializer throws rejects that write, as the journal contract asks.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return error;
        }

        rows.AddRange(serialized);
        return null;
    }

    private void Track(List<AtomicWrite> writes, Task written)
    {
        foreach (var persistenceId in writes.Select(w => w.PersistenceId).Distinct(StringComparer.Ordinal))
        {
            _inFlight[persistenceId] = written;
            written.ContinueWith(
                (_, id) => _inFlight.TryRemove(KeyValuePair.Create((string)id!, written)),
                persistenceId,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    /// <summary>Null when every write was taken: Akka reads that as "all succeeded".</summary>
    private static async Task<IImmutableList<Exception>> Rejections(Task written, Exception[]? rejections)
    {
        await written.ConfigureAwait(false);
        return rejections is null ? null! : ImmutableList.Create(rejections);
    }
}
