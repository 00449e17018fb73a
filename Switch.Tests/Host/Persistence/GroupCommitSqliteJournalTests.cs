using Akka.Actor;
using Switch.Host.Configuration;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Persistence;

/// <summary>The journal contract the switch relies on, on the group-commit SQLite journal.</summary>
public sealed class GroupCommitSqliteJournalTests : IDisposable
{
    private readonly JournalDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Writes_replay_in_order_with_their_highest_sequence_number_after_a_restart()
    {
        await Run(async system =>
        {
            var log = system.ActorOf(Props.Create(() => new EventLog("terminal-A")));
            Assert.Equal(1L, await log.Ask<long>(new EventLog.Append([11], ["rrn:1"]), JournalDatabase.Wait));
            Assert.Equal(4L, await log.Ask<long>(new EventLog.Append([22, 33, 44], []), JournalDatabase.Wait));
        });

        await Run(async system =>
        {
            var log = system.ActorOf(Props.Create(() => new EventLog("terminal-A")));
            var recovered = await log.Ask<EventLog.Recovered>(EventLog.Report, JournalDatabase.Wait);
            Assert.Equal([11L, 22, 33, 44], recovered.Values);
            Assert.Equal(4L, recovered.LastSequenceNr);
        });

        Assert.Equal(1L, _database.Scalar("SELECT COUNT(*) FROM tags WHERE tag = 'rrn:1' AND persistence_id = 'terminal-A' AND sequence_nr = 1"));
    }

    [Fact]
    public async Task Many_actors_writing_at_once_each_get_every_event_durable_in_order()
    {
        const int Actors = 200;
        const int Writes = 10;
        await Run(async system =>
        {
            var logs = Enumerable.Range(0, Actors).Select(i => system.ActorOf(Props.Create(() => new EventLog($"card-{i}")))).ToList();
            var acknowledged = await Task.WhenAll(logs.SelectMany(log => Enumerable.Range(1, Writes)
                .Select(v => log.Ask<long>(new EventLog.Append([v], [$"rrn:{v}"]), JournalDatabase.Wait))));
            Assert.Equal(Actors * Writes, acknowledged.Length);
        });

        Assert.Equal(Actors * Writes, _database.Scalar("SELECT COUNT(*) FROM journal"));
        Assert.Equal(Actors * Writes, _database.Scalar("SELECT COUNT(*) FROM tags t JOIN journal j ON j.ordering = t.ordering_id AND j.persistence_id = t.persistence_id AND j.sequence_number = t.sequence_nr"));
        // Each actor's events take its sequence numbers in journal order: the single writer keeps them so.
        Assert.Equal(0L, _database.Scalar("""
            SELECT COUNT(*) FROM journal a JOIN journal b ON a.persistence_id = b.persistence_id
            WHERE a.sequence_number < b.sequence_number AND a.ordering > b.ordering
            """));
        await Run(async system =>
        {
            var recovered = await system.ActorOf(Props.Create(() => new EventLog("card-7"))).Ask<EventLog.Recovered>(EventLog.Report, JournalDatabase.Wait);
            Assert.Equal(Enumerable.Range(1, Writes).Select(v => (long)v), recovered.Values.Order());
        });
    }

    [Fact]
    public async Task An_event_that_cannot_be_serialized_is_rejected_alone_and_its_actor_goes_on()
    {
        await Run(async system =>
        {
            var log = system.ActorOf(Props.Create(() => new EventLog("terminal-P")));
            Assert.Equal(1L, await log.Ask<long>(new EventLog.Append([1], []), JournalDatabase.Wait));
            Assert.Equal("rejected", await log.Ask<string>(new Poison(), JournalDatabase.Wait));
            Assert.Equal(3L, await log.Ask<long>(new EventLog.Append([3], []), JournalDatabase.Wait));
        });

        Assert.Equal(2L, _database.Scalar("SELECT COUNT(*) FROM journal WHERE persistence_id = 'terminal-P'"));
    }

    [Fact]
    public async Task A_write_the_database_refuses_fails_its_actor_and_no_other()
    {
        await Run(async system =>
        {
            var log = system.ActorOf(Props.Create(() => new EventLog("terminal-D")));
            Assert.Equal(1L, await log.Ask<long>(new EventLog.Append([1], []), JournalDatabase.Wait));
            // Another writer took sequence number 2 behind the actor's back.
            _database.Scalar("INSERT INTO journal (created, deleted, persistence_id, sequence_number, message, manifest, identifier) VALUES (0, 0, 'terminal-D', 2, x'', '', 8583)");
            var other = system.ActorOf(Props.Create(() => new EventLog("terminal-E")));
            var failed = log.Ask<string>(new EventLog.Append([2], []), JournalDatabase.Wait);
            var fine = other.Ask<long>(new EventLog.Append([1], []), JournalDatabase.Wait);
            Assert.Equal("failed", await failed);
            Assert.Equal(1L, await fine);
        });
    }

    [Fact]
    public async Task A_write_whose_call_timed_out_while_the_database_was_locked_is_never_written()
    {
        await Run(
            async system =>
            {
                var log = system.ActorOf(Props.Create(() => new EventLog("terminal-L")));
                Assert.Equal(1L, await log.Ask<long>(new EventLog.Append([1], []), JournalDatabase.Wait));
                string answer;
                using (await SqliteWriteLock.TakeAsync(_database.ConnectionString))
                {
                    // The call times out after 1 s while the writer still waits for the lock (busy_timeout, 5 s).
                    answer = await log.Ask<string>(new EventLog.Append([2], []), JournalDatabase.Wait);
                }

                // The one writer takes work in order: this write landing means the abandoned one was dealt with.
                var next = system.ActorOf(Props.Create(() => new EventLog("terminal-M")));
                Assert.Equal(1L, await next.Ask<long>(new EventLog.Append([1], []), JournalDatabase.Wait));
                Assert.Equal("failed", answer);
            },
            "akka.persistence.journal.sql.circuit-breaker.call-timeout = 1s");

        Assert.Equal(1L, _database.Scalar("SELECT COUNT(*) FROM journal WHERE persistence_id = 'terminal-L'"));
    }

    [Fact]
    public async Task Deleted_events_are_not_replayed_and_the_highest_sequence_number_survives()
    {
        await Run(async system =>
        {
            var log = system.ActorOf(Props.Create(() => new EventLog("terminal-X")));
            Assert.Equal(3L, await log.Ask<long>(new EventLog.Append([1, 2, 3], ["rrn:x"]), JournalDatabase.Wait));
            Assert.Equal(2L, await log.Ask<long>(new EventLog.Delete(2), JournalDatabase.Wait));
        });
        Assert.Equal(1L, _database.Scalar("SELECT COUNT(*) FROM tags WHERE persistence_id = 'terminal-X'"));

        await Run(async system =>
        {
            var log = system.ActorOf(Props.Create(() => new EventLog("terminal-X")));
            var recovered = await log.Ask<EventLog.Recovered>(EventLog.Report, JournalDatabase.Wait);
            Assert.Equal([3L], recovered.Values);
            Assert.Equal(3L, await log.Ask<long>(new EventLog.Delete(3), JournalDatabase.Wait));
        });

        await Run(async system =>
        {
            var log = system.ActorOf(Props.Create(() => new EventLog("terminal-X")));
            var recovered = await log.Ask<EventLog.Recovered>(EventLog.Report, JournalDatabase.Wait);
            Assert.Empty(recovered.Values);
            Assert.Equal(3L, recovered.LastSequenceNr);
            Assert.Equal(4L, await log.Ask<long>(new EventLog.Append([4], []), JournalDatabase.Wait));
        });
    }

    private async Task Run(Func<ActorSystem, Task> test, string config = "")
    {
        var system = _database.Start(SqliteWriter.GroupCommit, config);
        try
        {
            await test(system);
        }
        finally
        {
            await system.Terminate();
        }
    }
}
