using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Switch.Host.Persistence.Sqlite;

/// <summary>
/// The journal's one writer: a dedicated thread that owns one SQLite connection, takes everything
/// queued since its last commit, runs it in one transaction and commits once, so one fsync covers
/// the whole group however many actors' writes it holds. SQLite allows one writer at a time anyway;
/// what this buys over Akka.Persistence.Sql is the commit (and fsync) shared by every batch waiting,
/// and prepared statements reused for every row.
/// </summary>
internal sealed class GroupCommitWriter : IDisposable
{
    private readonly Channel<JournalWork> _queue;
    private readonly int _maxGroup;
    private readonly SqliteConnection _connection;
    private readonly JournalStatements _statements;
    private readonly Thread _thread;

    public GroupCommitWriter(SqliteJournalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _maxGroup = settings.QueueCapacity;
        _queue = Channel.CreateBounded<JournalWork>(new BoundedChannelOptions(settings.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _connection = settings.Open();
        // SQLite's busy_timeout alone bounds the wait for the write lock. Microsoft.Data.Sqlite would
        // otherwise retry a busy statement for its 30 s default, past Akka's call-timeout (10 s): the
        // writer would be told its write failed (and the terminal stop) while the write still landed
        // once the lock came free. With 1 s, the first busy_timeout's wait is the only one.
        _connection.DefaultTimeout = 1;
        try
        {
            JournalSchema.EnsureCreated(_connection);
            _statements = new JournalStatements(_connection);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "sqlite-journal-writer" };
        _thread.Start();
    }

    /// <summary>
    /// Queues <paramref name="work"/>; a full queue makes the caller wait, it never grows. Cancelling
    /// (Akka's call timeout) withdraws work still waiting for room, and the writer skips queued work
    /// abandoned so before its group holds the write lock.
    /// </summary>
    public Task Submit(JournalWork work, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(work);
        return _queue.Writer.TryWrite(work) ? work.Done : SubmitWhenRoom(work, cancellation);
    }

    private async Task SubmitWhenRoom(JournalWork work, CancellationToken cancellation)
    {
        await _queue.Writer.WriteAsync(work, cancellation).ConfigureAwait(false);
        await work.Done.ConfigureAwait(false);
    }

    /// <summary>Stops taking work, commits what is queued, then closes the connection.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _thread.Join();
        _statements.Dispose();
        _connection.Dispose();
    }

    private void Run()
    {
        var group = new List<JournalWork>();
        var reader = _queue.Reader;
        while (WaitForWork(reader))
        {
            while (group.Count < _maxGroup && reader.TryRead(out var work))
            {
                group.Add(work);
            }

            Commit(group);
            group.Clear();
        }
    }

    /// <summary>The thread is the writer's own, so blocking it while the queue is empty costs nothing.</summary>
    private static bool WaitForWork(ChannelReader<JournalWork> reader)
    {
        var wait = reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void Commit(List<JournalWork> group)
    {
        var written = new List<JournalWork>(group.Count);
        try
        {
            using var transaction = _connection.BeginTransaction();
            _statements.Enlist(transaction);
            foreach (var work in group)
            {
                // Checked once the write lock is held, since waiting for it is what outlasts a
                // caller: one told its write failed must not find it written after all.
                if (work.IsAbandoned)
                {
                    work.Fail(new OperationCanceledException("the journal call timed out before its write could start"));
                }
                else if (_statements.TryRun(work))
                {
                    written.Add(work);
                }
            }

            transaction.Commit();
        }
        catch (Exception error)
        {
            // Whatever went wrong (the database, or a bug), nothing of the group is durable, and every
            // caller must hear so: a writer that died here would leave their tasks hanging forever.
            foreach (var work in group)
            {
                work.Fail(error);
            }

            return;
        }

        foreach (var work in written)
        {
            work.Complete();
        }
    }
}
