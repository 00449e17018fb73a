namespace Switch.Host.Persistence.Sqlite;

/// <summary>One journal row (and its tag rows) ready to insert: serialized before it reaches the writer.</summary>
internal sealed record SerializedEvent(
    string PersistenceId,
    long SequenceNr,
    long CreatedTicks,
    byte[] Message,
    string Manifest,
    int SerializerId,
    string WriterUuid,
    IReadOnlyCollection<string> Tags);
