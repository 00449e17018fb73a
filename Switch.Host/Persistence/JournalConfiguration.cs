using System.Data.Common;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Persistence.Sql.Config;
using Akka.Persistence.Sql.Journal;
using LinqToDB;
using LinqToDB.Interceptors;
using Microsoft.Data.Sqlite;
using Switch.Host.Configuration;
using Switch.Host.Persistence.Sqlite;

namespace Switch.Host.Persistence;

/// <summary>
/// The journal, snapshot store and query journal for <c>switch.journal</c>. PostgreSQL runs on
/// Akka.Persistence.Sql throughout. SQLite's snapshot store and query journal are
/// Akka.Persistence.Sql's too; its write journal is the switch's <see cref="GroupCommitSqliteJournal"/>
/// (or Akka.Persistence.Sql's with <c>sqlite-writer = akka-sql</c>), writing the same tables. SQLite
/// gets one writer (SQLite serialises writes anyway; more writers only contend for the lock) and
/// write-ahead logging, so readers never block the writer.
/// </summary>
public static class JournalConfiguration
{
    public const string SqliteProvider = "SQLite.MS";
    public const string PostgreSqlProvider = "PostgreSQL.15";

    public static Config For(JournalSettings journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var (provider, parallelism) = journal.Provider switch
        {
            JournalProvider.Sqlite => (SqliteProvider, 1),
            _ => (PostgreSqlProvider, 4),
        };
        var connection = HoconText.Quote(journal.ConnectionString);
        // The block carries both SQLite writers' keys, so sqlite-writer swaps only the class.
        var writer = journal.Provider == JournalProvider.Sqlite && journal.Writer == SqliteWriter.GroupCommit
            ? typeof(GroupCommitSqliteJournal)
            : typeof(SqlWriteJournal);
        return ConfigurationFactory.ParseString($$"""
            akka.persistence {
              journal {
                plugin = "akka.persistence.journal.sql"
                sql {
                  class = "{{writer.FullName}}, {{writer.Assembly.GetName().Name}}"
                  connection-string = {{connection}}
                  synchronous = {{journal.Synchronous.ToString().ToLowerInvariant()}}
                  # Batches (one per actor's write) waiting for the group-commit writer; beyond, writers wait.
                  queue-capacity = 4096
                  provider-name = "{{provider}}"
                  parallelism = {{parallelism}}
                  auto-initialize = true
                  # After 10 failures in a row calls fail at once (every request 96, never a hang);
                  # a probe call every 2 s, not Akka's 30 s, serves again soon after the database is back.
                  circuit-breaker.reset-timeout = 2s
                  recovery-event-timeout = 5s
                }
              }
              snapshot-store {
                plugin = "akka.persistence.snapshot-store.sql"
                sql {
                  class = "Akka.Persistence.Sql.Snapshot.SqlSnapshotStore, Akka.Persistence.Sql"
                  connection-string = {{connection}}
                  provider-name = "{{provider}}"
                  auto-initialize = true
                  circuit-breaker.reset-timeout = 2s
                }
              }
              query.journal.sql {
                class = "Akka.Persistence.Sql.Query.SqlReadJournalProvider, Akka.Persistence.Sql"
                connection-string = {{connection}}
                provider-name = "{{provider}}"
              }
            }
            """);
    }

    public const string JournalPluginId = "akka.persistence.journal.sql";
    public const string SnapshotPluginId = "akka.persistence.snapshot-store.sql";
    public const string QueryPluginId = "akka.persistence.query.journal.sql";

    /// <summary>
    /// Pragmas run on every SQLite connection the plugins open (they are per connection, so
    /// <see cref="PrepareSqlite"/> cannot set them once on the file).
    /// <para>
    /// <c>busy_timeout</c>: the journal and the snapshot store write through separate connections
    /// and take SQLite's single write lock in turn (BEGIN IMMEDIATE). Without a busy timeout SQLite
    /// answers SQLITE_BUSY at once and Microsoft.Data.Sqlite retries with a blocking
    /// <c>Thread.Sleep(150)</c> on a thread-pool thread, so every collision between a snapshot
    /// save and a journal batch stalled all terminals' writes for 150 ms or more (measured: p99
    /// 400-700 ms open loop at 300/s). With it, SQLite's own busy handler waits in 1-25 ms steps.
    /// </para>
    /// <para>
    /// <c>synchronous</c>: <c>switch.journal.sqlite-synchronous</c>. NORMAL in WAL mode appends a
    /// commit to the WAL without fsyncing it (SQLite fsyncs at checkpoints): a committed event
    /// survives a crash of this process but not a power loss, which can roll back the last commits
    /// (never corrupting the file). Measured with busy_timeout: 725 TPS closed loop with FULL,
    /// 1,000-1,200 with NORMAL.
    /// </para>
    /// </summary>
    public static string SqliteConnectionPragmas(SqliteSynchronous synchronous) =>
        $"PRAGMA busy_timeout=5000; PRAGMA synchronous={(synchronous == SqliteSynchronous.Normal ? "NORMAL" : "FULL")};";

    /// <summary>
    /// The plugins' connection options for SQLite (null for other providers): the same provider
    /// and connection string as <see cref="For"/>, plus an interceptor that runs
    /// <see cref="SqliteConnectionPragmas"/> on each connection as it opens.
    /// </summary>
    public static Setup? ConnectionSetup(JournalSettings journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        if (journal.Provider != JournalProvider.Sqlite)
        {
            return null;
        }

        var options = new DataOptions()
            .UseConnectionString(SqliteProvider, journal.ConnectionString)
            .UseInterceptor(new SqlitePragmaInterceptor(SqliteConnectionPragmas(journal.Synchronous)));
        var setup = new MultiDataOptionsSetup();
        setup.AddDataOptions(JournalPluginId, options);
        setup.AddDataOptions(SnapshotPluginId, options);
        setup.AddDataOptions(QueryPluginId, options);
        return setup;
    }

    private sealed class SqlitePragmaInterceptor(string pragmas) : ConnectionInterceptor
    {
        public override void ConnectionOpened(ConnectionEventData eventData, DbConnection connection) => Apply(connection);

        public override Task ConnectionOpenedAsync(ConnectionEventData eventData, DbConnection connection, CancellationToken cancellationToken)
        {
            // Microsoft.Data.Sqlite is synchronous underneath anyway.
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Readies an SQLite database before Akka opens it: the directory exists and the file is in
    /// WAL mode (a property of the file, so it holds for every connection after).
    /// </summary>
    public static void PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }
}
