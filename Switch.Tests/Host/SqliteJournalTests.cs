using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Sql.Config;
using LinqToDB.Data;
using Microsoft.Data.Sqlite;
using Switch.Actors.Events;
using Switch.Actors.Serialization;
using Switch.Host.Configuration;
using Switch.Host.Persistence;

namespace Switch.Tests.Host;

public sealed class SqliteJournalTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"journal-{Guid.NewGuid():N}");

    private string ConnectionString => $"Data Source={Path.Combine(_directory, "switch.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Events_survive_a_restart_in_a_wal_sqlite_file_through_the_protobuf_serializer()
    {
        JournalConfiguration.PrepareSqlite(ConnectionString);
        var config = JournalConfiguration.For(new JournalSettings(JournalProvider.Sqlite, ConnectionString))
            .WithFallback(Akka.Configuration.ConfigurationFactory.ParseString(ProtobufSerializer.Config));

        var first = ActorSystem.Create("journal-first", config);
        var recorder = first.ActorOf(Props.Create(() => new Recorder("terminal-T0000001")));
        foreach (var at in new long[] { 11, 22, 33 })
        {
            Assert.Equal(at, await recorder.Ask<long>(new TerminalSignedOn { AtUnixMs = at }, Wait));
        }

        await first.Terminate();

        var second = ActorSystem.Create("journal-second", config);
        try
        {
            var recovered = second.ActorOf(Props.Create(() => new Recorder("terminal-T0000001")));
            var replayed = await recovered.Ask<long[]>(Recorder.Replay, Wait);
            Assert.Equal(new long[] { 11, 22, 33 }, replayed);
        }
        finally
        {
            await second.Terminate();
        }

        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal(3L, Scalar(connection, "SELECT COUNT(*) FROM journal WHERE persistence_id = 'terminal-T0000001'"));
        Assert.Equal((long)ProtobufSerializer.Id, Scalar(connection, "SELECT DISTINCT identifier FROM journal"));
        Assert.Equal("switch.events.v1.TerminalSignedOn", Scalar(connection, "SELECT DISTINCT manifest FROM journal"));
    }

    [Fact]
    public void The_sqlite_journal_has_one_writer_and_postgresql_several()
    {
        var sqlite = JournalConfiguration.For(new JournalSettings(JournalProvider.Sqlite, ConnectionString));
        var postgres = JournalConfiguration.For(new JournalSettings(JournalProvider.PostgreSql, "Host=127.0.0.1"));

        Assert.Equal(1, sqlite.GetInt("akka.persistence.journal.sql.parallelism"));
        Assert.Equal(JournalConfiguration.SqliteProvider, sqlite.GetString("akka.persistence.journal.sql.provider-name"));
        Assert.Equal(JournalConfiguration.PostgreSqlProvider, postgres.GetString("akka.persistence.snapshot-store.sql.provider-name"));
        Assert.True(postgres.GetInt("akka.persistence.journal.sql.parallelism") > 1);
        Assert.Equal("Host=127.0.0.1", postgres.GetString("akka.persistence.query.journal.sql.connection-string"));
    }

    [Theory]
    [InlineData(SqliteSynchronous.Full, 2L)]
    [InlineData(SqliteSynchronous.Normal, 1L)]
    public void Sqlite_plugin_connections_wait_for_the_write_lock_and_sync_as_configured(SqliteSynchronous synchronous, long pragmaValue)
    {
        JournalConfiguration.PrepareSqlite(ConnectionString);
        var setup = Assert.IsType<MultiDataOptionsSetup>(
            JournalConfiguration.ConnectionSetup(new JournalSettings(JournalProvider.Sqlite, ConnectionString, synchronous)));

        foreach (var pluginId in new[] { JournalConfiguration.JournalPluginId, JournalConfiguration.SnapshotPluginId, JournalConfiguration.QueryPluginId })
        {
            Assert.True(setup.TryGetDataOptionsFor(pluginId, out var options), pluginId);
            using var db = new DataConnection(options!);
            Assert.Equal(5000L, db.Execute<long>("PRAGMA busy_timeout"));
            Assert.Equal(pragmaValue, db.Execute<long>("PRAGMA synchronous"));
        }

        Assert.Null(JournalConfiguration.ConnectionSetup(new JournalSettings(JournalProvider.PostgreSql, "Host=127.0.0.1")));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Persists what it is told and replays what it recovered.</summary>
    private sealed class Recorder : ReceivePersistentActor
    {
        public const string Replay = "replay";
        private readonly List<long> _seen = [];

        public Recorder(string persistenceId)
        {
            PersistenceId = persistenceId;
            Recover<TerminalSignedOn>(e => _seen.Add(e.AtUnixMs));
            Command<TerminalSignedOn>(e => PersistAsync(e, persisted =>
            {
                _seen.Add(persisted.AtUnixMs);
                Sender.Tell(persisted.AtUnixMs);
            }));
            Command<string>(_ => Sender.Tell(_seen.ToArray()));
        }

        public override string PersistenceId { get; }
    }
}
