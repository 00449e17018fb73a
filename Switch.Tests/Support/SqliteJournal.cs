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

    /// <summary>Removes the journal a config made by <see cref="NewConfig"/> points at.</summary>
    public static void Delete(Config config)
    {
        var builder = new SqliteConnectionStringBuilder(config.GetString("akka.persistence.journal.sql.connection-string"));
        SqliteConnection.ClearAllPools();
        var directory = Path.GetDirectoryName(builder.DataSource);
        if (directory is not null && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
