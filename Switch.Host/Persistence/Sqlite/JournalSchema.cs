using Microsoft.Data.Sqlite;

namespace Switch.Host.Persistence.Sqlite;

/// <summary>
/// Akka.Persistence.Sql 1.5.73's SQLite tables (default table mapping, tag-table mode), created with
/// the DDL that plugin issues, so a database made by either journal opens in the other and its
/// read journal (events by tag, the admin history) and <see cref="IssuedRrns"/> read ours unchanged.
/// The snapshot table stays the Akka.Persistence.Sql snapshot store's to create.
/// </summary>
internal static class JournalSchema
{
    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS [journal]
        (
        	[ordering]        INTEGER        NOT NULL PRIMARY KEY AUTOINCREMENT,
        	[created]         INTEGER        NOT NULL,
        	[deleted]         Bit            NOT NULL,
        	[persistence_id]  NVarChar(255)  NOT NULL,
        	[sequence_number] INTEGER        NOT NULL,
        	[message]         VarBinary      NOT NULL,
        	[manifest]        NVarChar(500)      NULL,
        	[identifier]      INTEGER            NULL,
        	[writer_uuid]     NVarChar(128)      NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS journal_uq ON journal (persistence_id, sequence_number);
        CREATE INDEX IF NOT EXISTS journal_created_idx ON journal (created);
        CREATE INDEX IF NOT EXISTS journal_sequence_number_idx ON journal (sequence_number);
        CREATE TABLE IF NOT EXISTS [tags]
        (
        	[ordering_id]    INTEGER       NOT NULL,
        	[tag]            NVarChar(64)  NOT NULL,
        	[sequence_nr]    INTEGER       NOT NULL,
        	[persistence_id] NVarChar(255) NOT NULL,

        	CONSTRAINT [PK_tags] PRIMARY KEY ([ordering_id], [tag])
        );
        CREATE INDEX IF NOT EXISTS tags_persistence_id_sequence_nr_idx ON tags (persistence_id, sequence_nr);
        CREATE INDEX IF NOT EXISTS tags_tag_idx ON tags (tag);
        """;

    /// <summary>Appends one event and returns its <c>ordering</c>, which its tag rows point at.</summary>
    public const string InsertEvent = """
        INSERT INTO journal (created, deleted, persistence_id, sequence_number, message, manifest, identifier, writer_uuid)
        VALUES ($created, 0, $persistence_id, $sequence_number, $message, $manifest, $identifier, $writer_uuid)
        RETURNING ordering
        """;

    public const string InsertTag =
        "INSERT INTO tags (ordering_id, tag, sequence_nr, persistence_id) VALUES ($ordering_id, $tag, $sequence_nr, $persistence_id)";

    /// <summary>
    /// Akka.Persistence.Sql's deletion: mark the events deleted, physically remove all but the highest
    /// of them (so the highest sequence number survives a delete, as Akka requires), drop their tags.
    /// </summary>
    public const string DeleteEvents = """
        UPDATE journal SET deleted = 1 WHERE persistence_id = $persistence_id AND sequence_number <= $to;
        DELETE FROM journal WHERE persistence_id = $persistence_id AND sequence_number <= $to
          AND sequence_number < (SELECT MAX(sequence_number) FROM journal WHERE persistence_id = $persistence_id AND deleted = 1);
        DELETE FROM tags WHERE persistence_id = $persistence_id AND sequence_nr <= $to;
        """;

    public const string Replay = """
        SELECT sequence_number, created, message, manifest, identifier, writer_uuid FROM journal
        WHERE persistence_id = $persistence_id AND sequence_number >= $from AND sequence_number <= $to AND deleted = 0
        ORDER BY sequence_number LIMIT $max
        """;

    public const string HighestSequenceNr = "SELECT MAX(sequence_number) FROM journal WHERE persistence_id = $persistence_id";

    public static void EnsureCreated(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = CreateTables;
        command.ExecuteNonQuery();
    }
}
