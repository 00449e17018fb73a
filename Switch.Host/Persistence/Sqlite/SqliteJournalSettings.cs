using Akka.Configuration;
using Microsoft.Data.Sqlite;
using Switch.Host.Configuration;

namespace Switch.Host.Persistence.Sqlite;

/// <summary>The group-commit journal's plugin block (written by <see cref="JournalConfiguration.For"/>).</summary>
/// <param name="QueueCapacity">Write batches that may wait for the writer; a full queue makes writers wait.</param>
internal sealed record SqliteJournalSettings(string ConnectionString, SqliteSynchronous Synchronous, int QueueCapacity)
{
    public static SqliteJournalSettings From(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var synchronous = config.GetString("synchronous", "full");
        var capacity = config.GetInt("queue-capacity", 4096);
        return new SqliteJournalSettings(
            config.GetString("connection-string") is { Length: > 0 } text ? text : throw new ConfigurationException("connection-string is required"),
            Enum.TryParse<SqliteSynchronous>(synchronous, ignoreCase: true, out var value) ? value : throw new ConfigurationException($"synchronous '{synchronous}' is not full or normal"),
            capacity > 0 ? capacity : throw new ConfigurationException("queue-capacity must be above zero"));
    }

    /// <summary>Opens a connection with the node's pragmas (busy timeout, synchronous) applied.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = JournalConfiguration.SqliteConnectionPragmas(Synchronous);
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
