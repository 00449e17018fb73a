using Microsoft.Data.Sqlite;
using Switch.Host.Configuration;
using Switch.Host.Persistence;
using Switch.Host.Persistence.Sqlite;

namespace Switch.Tests.Host.Persistence;

public sealed class RecentTerminalsTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(20);
    private static readonly DateTime LastWrite = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"switch-test-{Guid.NewGuid():N}");

    private JournalSettings Journal => new(JournalProvider.Sqlite, $"Data Source={Path.Combine(_directory, "switch.db")}");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_terminals_that_wrote_within_the_window_before_the_last_write_are_read_and_nothing_else()
    {
        Write(
            ("terminal-T0000009", LastWrite - Window - TimeSpan.FromSeconds(1)),
            ("terminal-T0000001", LastWrite - Window + TimeSpan.FromSeconds(1)),
            ("card-4a38e1a2b0c9d5b3", LastWrite - TimeSpan.FromMinutes(5)),
            ("terminal-T0000002", LastWrite - TimeSpan.FromMinutes(1)),
            ("registry", LastWrite - TimeSpan.FromSeconds(30)),
            ("terminal-T0000002", LastWrite));

        var tids = await RecentTerminals.ReadAsync(Journal, Window);

        Assert.Equal(["T0000001", "T0000002"], tids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_window_longer_than_a_page_of_rows_is_read_to_its_end()
    {
        var busy = Enumerable.Range(0, 12_000).Select(i => ("terminal-T0000003", LastWrite - TimeSpan.FromMilliseconds(i)));
        Write([("terminal-T0000004", LastWrite - TimeSpan.FromMinutes(15)), .. busy.Reverse()]);

        var tids = await RecentTerminals.ReadAsync(Journal, Window);

        Assert.Equal(["T0000003", "T0000004"], tids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_journal_whose_tables_do_not_exist_yet_has_no_recent_terminals()
    {
        Directory.CreateDirectory(_directory);

        Assert.Empty(await RecentTerminals.ReadAsync(Journal, Window));
    }

    /// <summary>Rows in journal order, as a node appends them.</summary>
    private void Write(params (string PersistenceId, DateTime Created)[] rows)
    {
        Directory.CreateDirectory(_directory);
        using var connection = new SqliteConnection(Journal.ConnectionString);
        connection.Open();
        JournalSchema.EnsureCreated(connection);
        using var transaction = connection.BeginTransaction();
        var sequence = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (id, created) in rows)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO journal (created, deleted, persistence_id, sequence_number, message) VALUES ($created, 0, $id, $seq, x'00')";
            insert.Parameters.AddWithValue("$created", created.Ticks);
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$seq", sequence[id] = sequence.GetValueOrDefault(id) + 1);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
