using Akka.Configuration;
using Microsoft.Data.Sqlite;
using Switch.Host.Configuration;

namespace Switch.Host.Persistence;

/// <summary>
/// The Akka.Persistence.Sql journal, snapshot store and query journal for <c>switch.journal</c>.
/// SQLite gets one writer (SQLite serialises writes anyway; more writers only contend for the
/// lock) and write-ahead logging, so readers never block the writer.
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
        return ConfigurationFactory.ParseString($$"""
            akka.persistence {
              journal {
                plugin = "akka.persistence.journal.sql"
                sql {
                  class = "Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql"
                  connection-string = {{connection}}
                  provider-name = "{{provider}}"
                  parallelism = {{parallelism}}
                  auto-initialize = true
                }
              }
              snapshot-store {
                plugin = "akka.persistence.snapshot-store.sql"
                sql {
                  class = "Akka.Persistence.Sql.Snapshot.SqlSnapshotStore, Akka.Persistence.Sql"
                  connection-string = {{connection}}
                  provider-name = "{{provider}}"
                  auto-initialize = true
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
