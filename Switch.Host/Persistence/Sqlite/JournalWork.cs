namespace Switch.Host.Persistence.Sqlite;

/// <summary>
/// One request to the writer: it runs inside the writer's group transaction and completes only once
/// that transaction has committed (or failed). Continuations run asynchronously, so no caller's code
/// ever runs on the writer's thread.
/// </summary>
/// <param name="abandoned">Cancelled once the caller has given up (Akka's call-timeout): it was told the write failed.</param>
internal abstract class JournalWork(CancellationToken abandoned)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Done => _done.Task;

    public bool IsAbandoned => abandoned.IsCancellationRequested;

    public abstract void Run(JournalStatements statements);

    public void Complete() => _done.TrySetResult();

    public void Fail(Exception error) => _done.TrySetException(error);
}

/// <summary>The events of one <c>WriteMessages</c> call, in order.</summary>
internal sealed class AppendEvents(IReadOnlyList<SerializedEvent> events, CancellationToken abandoned) : JournalWork(abandoned)
{
    public override void Run(JournalStatements statements)
    {
        foreach (var @event in events)
        {
            statements.Append(@event);
        }
    }
}

/// <summary>Deletes a persistence id's events up to a sequence number, after every write queued before it.</summary>
internal sealed class DeleteEvents(string persistenceId, long toSequenceNr, CancellationToken abandoned) : JournalWork(abandoned)
{
    public override void Run(JournalStatements statements) => statements.Delete(persistenceId, toSequenceNr);
}
