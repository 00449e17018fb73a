using Akka.Configuration;
using Microsoft.Data.Sqlite;
using Switch.Actors.Serialization;
using Switch.Host.Configuration;
using Switch.Host.Persistence;

namespace Switch.Tests.Support;

/// <summary>A fresh SQLite journal file per actor system, configured exactly as a node configures it.</summary>
internal static class SqliteJournal
{
    public static Config NewConfig()
    {
        var file = Path.Combine(Path.GetTempPath(), $"switch-test-{Guid.NewGuid():N}", "switch.db");
        var connectionString = $"Data Source={file}";
        JournalConfiguration.PrepareSqlite(connectionString);
        // A real journal shares two cores with the rest of the suite; 3 s (TestKit's default) was seen to
        // run out under that load, on steps that do no I/O at all.
        return JournalConfiguration.For(new JournalSettings(JournalProvider.Sqlite, connectionString))
            .WithFallback(ConfigurationFactory.ParseString("akka.test.single-expect-default = 10s"))
            .WithFallback(ConfigurationFactory.ParseString(ProtobufSerializer.Config));
    }

    /// <summary>The manifests of a persistence id's events in order, read straight from the file: what is durable.</summary>
    public static IReadOnlyList<string> Manifests(Config config, string persistenceId) =>
        Column(config, "SELECT manifest FROM journal WHERE persistence_id = $id ORDER BY sequence_number", persistenceId);

    /// <summary>The persistence ids of the events carrying <paramref name="tag"/>.</summary>
    public static IReadOnlyList<string> Tagged(Config config, string tag) =>
        Column(config, "SELECT persistence_id FROM tags WHERE tag = $id ORDER BY ordering_id", tag);

    /// <summary>The sequence numbers of a persistence id's snapshots.</summary>
    public static IReadOnlyList<string> Snapshots(Config config, string persistenceId) =>
        Column(config, "SELECT CAST(sequence_number AS TEXT) FROM snapshot WHERE persistence_id = $id ORDER BY sequence_number", persistenceId);

    /// <summary>Removes a persistence id's events, as if they had never been written: what is left to recover from is the snapshot.</summary>
    public static void DeleteEvents(Config config, string persistenceId)
    {
        using var connection = Open(config);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM tags WHERE persistence_id = $id; DELETE FROM journal WHERE persistence_id = $id;";
        command.Parameters.AddWithValue("$id", persistenceId);
        command.ExecuteNonQuery();
    }

    /// <summary>Removes the journal a config made by <see cref="NewConfig"/> points at.</summary>
    public static void Delete(Config config)
    {
        var builder = new SqliteConnectionStringBuilder(ConnectionString(config));
        SqliteConnection.ClearAllPools();
        var directory = Path.GetDirectoryName(builder.DataSource);
        if (directory is not null && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string ConnectionString(Config config) => config.GetString("akka.persistence.journal.sql.connection-string");

    private static SqliteConnection Open(Config config)
    {
        var connection = new SqliteConnection(ConnectionString(config));
        connection.Open();
        return connection;
    }

    private static List<string> Column(Config config, string sql, string id)
    {
        using var connection = Open(config);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
