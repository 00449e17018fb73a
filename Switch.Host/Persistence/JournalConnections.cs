using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Switch.Host.Configuration;

namespace Switch.Host.Persistence;

/// <summary>A plain ADO.NET connection to the journal's database, for what the node reads outside Akka.</summary>
public static class JournalConnections
{
    public static DbConnection Create(JournalSettings journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        return journal.Provider == JournalProvider.Sqlite
            ? new SqliteConnection(journal.ConnectionString)
            : new NpgsqlConnection(journal.ConnectionString);
    }

    /// <summary>True for the error a query gets before Akka has created the journal's tables.</summary>
    public static bool IsMissingTable(DbException error) => error switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 1 && sqlite.Message.Contains("no such table", StringComparison.Ordinal),
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UndefinedTable,
        _ => false,
    };
}
