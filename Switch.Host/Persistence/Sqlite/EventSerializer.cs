using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace Switch.Host.Persistence.Sqlite;

/// <summary>
/// Turns persistent representations into journal rows the way Akka.Persistence.Sql does: the payload
/// through Akka's serialization (its serializer id in <c>identifier</c>, its string manifest in
/// <c>manifest</c>, empty when the serializer has none), <see cref="Tagged"/> unwrapped into tag rows,
/// the write time in ticks in <c>created</c>, this journal instance's id in <c>writer_uuid</c>.
/// </summary>
internal sealed class EventSerializer(ExtendedActorSystem system)
{
    private readonly Akka.Serialization.Serialization _serialization = system.Serialization;
    private readonly string _writerUuid = Guid.NewGuid().ToString("N");

    public SerializedEvent Serialize(IPersistentRepresentation representation, long nowTicks)
    {
        var (payload, tags) = representation.Payload is Tagged tagged
            ? (tagged.Payload, (IReadOnlyCollection<string>)tagged.Tags)
            : (representation.Payload, ImmutableHashSet<string>.Empty);
        var serializer = _serialization.FindSerializerFor(payload);
        // Akka's own transport information lets a payload carry actor refs, as in every Akka journal.
        var message = Akka.Serialization.Serialization.WithTransport(system, (serializer, payload), static s => s.serializer.ToBinary(s.payload));
        return new SerializedEvent(
            representation.PersistenceId,
            representation.SequenceNr,
            representation.Timestamp == 0 ? nowTicks : representation.Timestamp,
            message,
            Akka.Serialization.Serialization.ManifestFor(serializer, payload),
            serializer.Identifier,
            _writerUuid,
            tags);
    }

    public Persistent Deserialize(string persistenceId, JournalRowRead row) => new(
        _serialization.Deserialize(row.Message, row.SerializerId, row.Manifest),
        row.SequenceNr,
        persistenceId,
        row.Manifest,
        isDeleted: false,
        ActorRefs.NoSender,
        row.WriterUuid,
        row.CreatedTicks);
}
