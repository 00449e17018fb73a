using System.Runtime.Serialization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Switch.Actors.Events;
using Switch.Actors.Serialization;

namespace Switch.Tests.Actors.Serialization;

public sealed class ProtobufSerializerTests : Akka.TestKit.Xunit2.TestKit
{
    public ProtobufSerializerTests()
        : base(ProtobufSerializer.Config)
    {
    }

    [Fact]
    public void Events_round_trip_through_the_bound_serializer_with_a_versioned_manifest()
    {
        var started = new TransactionStarted
        {
            Rrn = "633412000001",
            Request = new RequestIdentity { Mti = 200, Stan = 123, TransmissionTime = "1129120000", AmountMinor = 1234 },
            ProcessingCode = "000000",
            Currency = "156",
            PanToken = "9f86d081884c7d65",
            MaskedPan = "476173******0010",
            Mid = "M00000000000001",
            Mcc = "5411",
            Acquirer = "acq-a",
            AtUnixMs = 1_796_000_000_000,
        };

        var serializer = Sys.Serialization.FindSerializerFor(started);
        Assert.IsType<ProtobufSerializer>(serializer);
        Assert.Equal(ProtobufSerializer.Id, serializer.Identifier);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, started);
        Assert.Equal("switch.events.v1.TransactionStarted", manifest);

        var restored = Sys.Serialization.Deserialize(serializer.ToBinary(started), serializer.Identifier, manifest);

        Assert.Equal(started, restored);
    }

    [Fact]
    public void Every_message_of_every_registered_proto_file_round_trips()
    {
        var serializer = (ProtobufSerializer)Sys.Serialization.FindSerializerForType(typeof(TerminalSignedOn));
        foreach (var type in ProtobufSerializer.Descriptors().SelectMany(file => file.MessageTypes))
        {
            var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
            var manifest = serializer.Manifest(message);
            Assert.Equal(type.FullName, manifest);
            Assert.Equal(message, serializer.FromBinary(serializer.ToBinary(message), manifest));
        }
    }

    [Fact]
    public void Every_event_proto_file_compiled_into_the_switch_is_registered()
    {
        // The cluster messages' .proto (another namespace) is ClusterMessageSerializer's, not this one's.
        var compiled = typeof(ProtobufSerializer).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(TerminalEventsReflection).Namespace)
            .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal) && t.GetProperty("Descriptor")?.PropertyType == typeof(FileDescriptor))
            .Select(t => (FileDescriptor)t.GetProperty("Descriptor")!.GetValue(null)!);

        Assert.Equal(compiled.Select(f => f.Name).Order(), ProtobufSerializer.Descriptors().Select(f => f.Name).Order());
    }

    [Fact]
    public void An_unknown_manifest_is_a_serialization_error_not_a_guess()
    {
        var serializer = (ProtobufSerializer)Sys.Serialization.FindSerializerForType(typeof(TerminalSignedOn));
        var error = Assert.Throws<SerializationException>(() => serializer.FromBinary([], "switch.events.v9.Unheard"));
        Assert.Contains("switch.events.v9.Unheard", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_event_field_is_named_for_a_clear_pan_track_pin_one_time_code_or_key()
    {
        string[] forbidden = ["pan", "primary_account_number", "track", "track2", "track_2", "pin", "pin_block", "otp", "one_time_code", "cvv", "master_key", "session_key", "mac_key"];
        var fields = ProtobufSerializer.Descriptors().SelectMany(file => file.MessageTypes).SelectMany(m => m.Fields.InDeclarationOrder());

        Assert.DoesNotContain(fields, (FieldDescriptor f) => forbidden.Contains(f.Name));
    }
}
