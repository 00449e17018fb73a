using System.Collections.Frozen;
using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Switch.Actors.Events;

namespace Switch.Actors.Serialization;

/// <summary>
/// Serializes every event and cluster message the switch defines in .proto files. The manifest is
/// the message's full proto name (<c>switch.events.v1.TransactionStarted</c>), so the version
/// travels with every stored event and a renamed C# type never breaks old journals. Akka's default
/// JSON serializer is slow and has no schema; this has both speed and one.
/// </summary>
public sealed class ProtobufSerializer : SerializerWithStringManifest
{
    /// <summary>Akka serializer id; must never change once journals exist.</summary>
    public const int Id = 8583;

    private static readonly FrozenDictionary<string, MessageParser> Parsers = Descriptors()
        .SelectMany(file => file.MessageTypes)
        .ToFrozenDictionary(message => message.FullName, message => message.Parser, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, string> Manifests = Descriptors()
        .SelectMany(file => file.MessageTypes)
        .ToFrozenDictionary(message => message.ClrType, message => message.FullName);

    public ProtobufSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    /// <summary>HOCON binding every protobuf message to this serializer.</summary>
    public static string Config => $$"""
        akka.actor {
          serializers.switch-protobuf = "{{typeof(ProtobufSerializer).AssemblyQualifiedName}}"
          serialization-bindings { "Google.Protobuf.IMessage, Google.Protobuf" = switch-protobuf }
        }
        """;

    public override int Identifier => Id;

    public override string Manifest(object o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return Manifests.TryGetValue(o.GetType(), out var manifest)
            ? manifest
            : throw new SerializationException($"{o.GetType()} is not a message of the switch's .proto files");
    }

    public override byte[] ToBinary(object obj) => obj is IMessage message
        ? message.ToByteArray()
        : throw new SerializationException($"{obj?.GetType()} is not a protobuf message");

    public override object FromBinary(byte[] bytes, string manifest) =>
        Parsers.TryGetValue(manifest, out var parser)
            ? parser.ParseFrom(bytes)
            : throw new SerializationException($"no .proto message is named '{manifest}'");

    /// <summary>Every .proto file compiled into the switch: add new ones here.</summary>
    internal static IEnumerable<FileDescriptor> Descriptors() =>
    [
        TerminalEventsReflection.Descriptor,
        ReversalEventsReflection.Descriptor,
        ChallengeEventsReflection.Descriptor,
        CardActivityReflection.Descriptor,
        CardEventsReflection.Descriptor,
        RegistryEventsReflection.Descriptor,
        FeeEventsReflection.Descriptor,
    ];
}
