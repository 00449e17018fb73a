using Microsoft.Data.Sqlite;
using Switch.Host.Configuration;
using Switch.Host.Persistence;
using Switch.Tests.Support;

namespace Switch.Tests.Host;

public sealed class IssuedRrnsTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero); // day 333

    private readonly NodeConfig _config = NodeConfig.WithNewDatabase();
    private readonly JournalSettings _journal;

    public IssuedRrnsTests()
    {
        var connectionString = $"Data Source={_config.DatabasePath}";
        JournalConfiguration.PrepareSqlite(connectionString);
        _journal = new JournalSettings(JournalProvider.Sqlite, connectionString);
    }

    public void Dispose() => _config.Delete();

    [Fact]
    public void Before_the_journal_has_tables_there_is_none() =>
        Assert.Null(IssuedRrns.Highest(_journal, nodeId: 4, Noon));

    [Fact]
    public void The_highest_of_this_node_is_found_across_the_days_of_its_lead()
    {
        // Days 332 to 335 hold this node's RRNs (a lead of three days); 335 also holds node 3's.
        Tag("rrn:633245000001", "rrn:633345000123", "rrn:633445009999", "rrn:633545000042", "rrn:633535999999");

        Assert.Equal("633545000042", IssuedRrns.Highest(_journal, nodeId: 4, Noon));
    }

    [Fact]
    public void Other_tags_and_other_nodes_are_not_taken()
    {
        Tag("rrn:633335999999", "rrn:633345000007", "fee:633345999999");

        Assert.Equal("633345000007", IssuedRrns.Highest(_journal, nodeId: 4, Noon));
    }

    private void Tag(params string[] tags)
    {
        using var connection = new SqliteConnection(_journal.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS tags (ordering_id INTEGER NOT NULL, tag NVARCHAR(64) NOT NULL, sequence_nr INTEGER NOT NULL, persistence_id NVARCHAR(255) NOT NULL, PRIMARY KEY (ordering_id, tag))";
        command.ExecuteNonQuery();
        for (var i = 0; i < tags.Length; i++)
        {
            command.CommandText = "INSERT INTO tags VALUES ($ordering, $tag, 1, 'terminal-T0000001')";
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$ordering", i + 1);
            command.Parameters.AddWithValue("$tag", tags[i]);
            command.ExecuteNonQuery();
        }
    }
}
