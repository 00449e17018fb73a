using Microsoft.Data.Sqlite;

namespace Switch.Tests.Support;

/// <summary>
/// Makes an SQLite database unavailable to writers, as a stuck process or a backup holding it would:
/// a connection of the test's own holds the write lock until disposed.
/// </summary>
internal static class SqliteWriteLock
{
    public static async Task<SqliteConnection> TakeAsync(string connectionString)
    {
        // Unpooled, so disposing closes the connection, which rolls the transaction back and frees the lock.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE;";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }
}
