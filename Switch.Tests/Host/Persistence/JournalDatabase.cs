using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;
using Microsoft.Data.Sqlite;
using Switch.Actors.Serialization;
using Switch.Host.Configuration;
using Switch.Host.Persistence;

namespace Switch.Tests.Host.Persistence;

/// <summary>One SQLite journal file per test, opened by actor systems on either SQLite writer.</summary>
internal sealed class JournalDatabase : IDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"journal-{Guid.NewGuid():N}");

    public JournalDatabase() => JournalConfiguration.PrepareSqlite(ConnectionString);

    public string ConnectionString => $"Data Source={Path.Combine(_directory, "switch.db")}";

    /// <param name="extra">More HOCON, winning over the journal's own, e.g. a shorter circuit-breaker call-timeout.</param>
    public ActorSystem Start(SqliteWriter writer, string extra = "") =>
        ActorSystem.Create($"journal-{writer}".ToLowerInvariant(), ConfigurationFactory.ParseString(extra)
            .WithFallback(JournalConfiguration.For(new JournalSettings(JournalProvider.Sqlite, ConnectionString, SqliteSynchronous.Normal, writer)))
            .WithFallback(ConfigurationFactory.ParseString(ProtobufSerializer.Config))
            .WithFallback(ConfigurationFactory.ParseString($$"""
                akka.actor {
                  serializers.poison = "{{typeof(PoisonSerializer).AssemblyQualifiedName}}"
                  serialization-bindings { "{{typeof(Poison).AssemblyQualifiedName}}" = poison }
                }
                """)));

    public long Scalar(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public IReadOnlyList<string> Schema()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || ifnull(sql, '') FROM sqlite_master WHERE tbl_name IN ('journal', 'tags') ORDER BY type, name";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

/// <summary>An event no serializer can write: its write must be rejected, alone.</summary>
internal sealed record Poison;

internal sealed class PoisonSerializer(ExtendedActorSystem system) : Serializer(system)
{
    public override int Identifier => 8599;

    public override bool IncludeManifest => false;

    public override byte[] ToBinary(object obj) => throw new InvalidOperationException("poison cannot be serialized");

    public override object FromBinary(byte[] bytes, Type type) => throw new InvalidOperationException("poison cannot be read");
}
