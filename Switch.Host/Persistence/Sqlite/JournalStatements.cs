using Microsoft.Data.Sqlite;

namespace Switch.Host.Persistence.Sqlite;

/// <summary>The writer connection's prepared statements, reused for every row of every group.</summary>
internal sealed class JournalStatements : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _insertTag;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollbackTo;

    public JournalStatements(SqliteConnection connection)
    {
        _connection = connection;
        _insertEvent = Prepare(JournalSchema.InsertEvent, "$created", "$persistence_id", "$sequence_number", "$message", "$manifest", "$identifier", "$writer_uuid");
        _insertTag = Prepare(JournalSchema.InsertTag, "$ordering_id", "$tag", "$sequence_nr", "$persistence_id");
        _savepoint = Prepare("SAVEPOINT work");
        _release = Prepare("RELEASE work");
        _rollbackTo = Prepare("ROLLBACK TO work; RELEASE work");
    }

    /// <summary>Microsoft.Data.Sqlite insists every command names the connection's open transaction.</summary>
    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var command in Commands())
        {
            command.Transaction = transaction;
        }
    }

    /// <summary>
    /// Runs one request inside a savepoint, so a request that fails (a sequence number already taken,
    /// say) is undone and fails alone while the rest of its group still commits.
    /// </summary>
    public bool TryRun(JournalWork work)
    {
        _savepoint.ExecuteNonQuery();
        try
        {
            work.Run(this);
            _release.ExecuteNonQuery();
            return true;
        }
        catch (SqliteException error)
        {
            _rollbackTo.ExecuteNonQuery();
            work.Fail(error);
            return false;
        }
    }

    public void Append(SerializedEvent @event)
    {
        var p = _insertEvent.Parameters;
        p[0].Value = @event.CreatedTicks;
        p[1].Value = @event.PersistenceId;
        p[2].Value = @event.SequenceNr;
        p[3].Value = @event.Message;
        p[4].Value = @event.Manifest;
        p[5].Value = @event.SerializerId;
        p[6].Value = @event.WriterUuid;
        var ordering = (long)_insertEvent.ExecuteScalar()!;
        foreach (var tag in @event.Tags)
        {
            var t = _insertTag.Parameters;
            t[0].Value = ordering;
            t[1].Value = tag;
            t[2].Value = @event.SequenceNr;
            t[3].Value = @event.PersistenceId;
            _insertTag.ExecuteNonQuery();
        }
    }

    /// <summary>Rare (nothing in the switch deletes events today), so not worth a prepared statement.</summary>
    public void Delete(string persistenceId, long toSequenceNr)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _insertEvent.Transaction;
        command.CommandText = JournalSchema.DeleteEvents;
        command.Parameters.AddWithValue("$persistence_id", persistenceId);
        command.Parameters.AddWithValue("$to", toSequenceNr);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in Commands())
        {
            command.Dispose();
        }
    }

    private IEnumerable<SqliteCommand> Commands() => [_insertEvent, _insertTag, _savepoint, _release, _rollbackTo];

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}
