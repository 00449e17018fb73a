using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Switch.Actors.Events;
using Switch.Host.Configuration;

namespace Switch.Tests.Host.Persistence;

/// <summary>
/// The group-commit journal and Akka.Persistence.Sql's share one database: the same DDL, each
/// recovers what the other wrote, and Akka.Persistence.Sql's read journal (the admin history's
/// events-by-tag query) reads what either wrote.
/// </summary>
public sealed class JournalCompatibilityTests : IDisposable
{
    private readonly JournalDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Both_journals_create_the_same_tables_and_indexes()
    {
        using var akkaSql = new JournalDatabase();
        await Write(_database, SqliteWriter.GroupCommit, "terminal-S", 1);
        await Write(akkaSql, SqliteWriter.AkkaSql, "terminal-S", 1);

        Assert.Equal(akkaSql.Schema(), _database.Schema());
        Assert.Equal(8, _database.Schema().Count); // two tables, five indexes, the tags key's own index
    }

    [Theory]
    [InlineData(SqliteWriter.GroupCommit, SqliteWriter.AkkaSql)]
    [InlineData(SqliteWriter.AkkaSql, SqliteWriter.GroupCommit)]
    public async Task Either_journal_recovers_and_continues_what_the_other_wrote(SqliteWriter first, SqliteWriter second)
    {
        await Write(_database, first, "terminal-C", 10, 20);
        await Write(_database, second, "terminal-C", 30);
        await Write(_database, first, "terminal-C", 40);

        var system = _database.Start(second);
        try
        {
            var log = system.ActorOf(Props.Create(() => new EventLog("terminal-C")));
            var recovered = await log.Ask<EventLog.Recovered>(EventLog.Report, JournalDatabase.Wait);
            Assert.Equal([10L, 20, 30, 40], recovered.Values);
            Assert.Equal(4L, recovered.LastSequenceNr);

            var tagged = await EventsByTag(system, "rrn:compat");
            Assert.Equal([10L, 20, 30, 40], tagged.Select(e => ((TerminalSignedOn)e.Event).AtUnixMs));
            Assert.Equal([1L, 2, 3, 4], tagged.Select(e => e.SequenceNr));
            Assert.All(tagged, e => Assert.Equal("terminal-C", e.PersistenceId));
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>Recovers <paramref name="persistenceId"/> on <paramref name="writer"/> and appends values tagged <c>rrn:compat</c>.</summary>
    private static async Task Write(JournalDatabase database, SqliteWriter writer, string persistenceId, params long[] values)
    {
        var system = database.Start(writer);
        try
        {
            var log = system.ActorOf(Props.Create(() => new EventLog(persistenceId)));
            await log.Ask<long>(new EventLog.Append(values, ["rrn:compat"]), JournalDatabase.Wait);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task<IReadOnlyList<EventEnvelope>> EventsByTag(ActorSystem system, string tag)
    {
        var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        return await journal.CurrentEventsByTag(tag, Offset.NoOffset())
            .RunWith(Sink.Seq<EventEnvelope>(), system.Materializer())
            .WaitAsync(JournalDatabase.Wait);
    }
}
