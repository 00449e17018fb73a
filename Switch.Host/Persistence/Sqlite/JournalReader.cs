using Microsoft.Data.Sqlite;

namespace Switch.Host.Persistence.Sqlite;

/// <summary>A journal row as replay reads it.</summary>
internal readonly record struct JournalRowRead(long SequenceNr, long CreatedTicks, byte[] Message, string Manifest, int SerializerId, string? WriterUuid);

/// <summary>
/// Recovery's reads, each on a pooled connection of its own: in WAL mode they read the last commit
/// while the writer goes on writing, and never wait for it.
/// </summary>
internal sealed class JournalReader(SqliteJournalSettings settings)
{
    public void Replay(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<JournalRowRead> onRow)
    {
        using var connection = settings.Open();
        using var command = connection.CreateCommand();
        command.CommandText = JournalSchema.Replay;
        command.Parameters.AddWithValue("$persistence_id", persistenceId);
        command.Parameters.AddWithValue("$from", fromSequenceNr);
        command.Parameters.AddWithValue("$to", toSequenceNr);
        command.Parameters.AddWithValue("$max", max);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            onRow(new JournalRowRead(
                reader.GetInt64(0),
                reader.GetInt64(1),
                (byte[])reader.GetValue(2),
                reader.IsDBNull(3) ? string.Empty : reader.GetString(3),
                reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
    }

    /// <summary>The highest sequence number ever written (a delete keeps the highest row), 0 if none.</summary>
    public long HighestSequenceNr(string persistenceId)
    {
        using var connection = settings.Open();
        using var command = connection.CreateCommand();
        command.CommandText = JournalSchema.HighestSequenceNr;
        command.Parameters.AddWithValue("$persistence_id", persistenceId);
        return command.ExecuteScalar() is long highest ? highest : 0;
    }
}
