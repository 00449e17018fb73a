using System.Runtime.Serialization;
using Switch.Actors.Cards;
using Switch.Actors.Fees;
using Switch.Actors.Registry;
using Switch.Actors.Reversals;
using Switch.Actors.Serialization;
using Switch.Actors.Terminals;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Serialization;

public sealed class ClusterMessageSerializerTests : Akka.TestKit.Xunit2.TestKit
{
    public ClusterMessageSerializerTests()
        : base(ClusterMessageSerializer.Config)
    {
    }

    public static TheoryData<string> Samples => [.. ClusterMessageSamples.All(Akka.Actor.ActorRefs.Nobody).Keys];

    private ClusterMessageSerializer Serializer => (ClusterMessageSerializer)Sys.Serialization.FindSerializerForType(typeof(TerminalReply));

    private static IEnumerable<Type> ClusterMessageTypes => typeof(IClusterMessage).Assembly.GetTypes()
        .Where(type => type.IsClass && !type.IsAbstract && type.IsAssignableTo(typeof(IClusterMessage)));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_cluster_message_round_trips_through_the_bound_serializer(string sample)
    {
        var message = ClusterMessageSamples.All(TestActor)[sample];

        var serializer = Sys.Serialization.FindSerializerFor(message);
        Assert.IsType<ClusterMessageSerializer>(serializer);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);
        var restored = Sys.Serialization.Deserialize(serializer.ToBinary(message), ClusterMessageSerializer.Id, manifest);

        ClusterMessageSamples.AssertSame(message, restored);
    }

    [Fact]
    public void Every_cluster_message_type_has_a_wire_format_and_every_wire_format_a_cluster_message()
    {
        Assert.Equal(ClusterMessageTypes.Select(type => type.FullName).Order(), Serializer.BoundTypes.Select(type => type.FullName).Order());
    }

    [Fact]
    public void Every_cluster_message_type_has_a_round_trip_sample()
    {
        var sampled = ClusterMessageSamples.All(TestActor).Values.Select(message => message.GetType().FullName).Distinct();

        Assert.Equal(ClusterMessageTypes.Select(type => type.FullName).Order(), sampled.Order());
    }

    [Fact]
    public void Every_message_a_shard_extractor_routes_is_a_cluster_message()
    {
        var routed = typeof(IClusterMessage).Assembly.GetTypes()
            .Where(type => type.IsClass && (type.IsAssignableTo(typeof(IWithTerminalId)) || type.IsAssignableTo(typeof(IWithCardToken))))
            .ToList();

        Assert.NotEmpty(routed);
        Assert.All(routed, type => Assert.True(type.IsAssignableTo(typeof(IClusterMessage)), $"{type} is routed to an entity on any node but is no IClusterMessage"));
    }

    [Fact]
    public void Each_message_keeps_its_manifest()
    {
        var manifests = ClusterMessageSamples.All(TestActor).Values
            .GroupBy(message => message.GetType())
            .ToDictionary(group => group.Key.Name, group => Serializer.Manifest(group.First()));

        // Written out, so renaming one fails here: nodes of the version before would no longer read it.
        Assert.Equal(
            new Dictionary<string, string>
            {
                [nameof(TerminalRequest)] = "terminal-request",
                [nameof(TerminalReply)] = "terminal-reply",
                [nameof(StopTerminal)] = "stop-terminal",
                [nameof(BindPhone)] = "bind-phone",
                [nameof(PhoneBound)] = "phone-bound",
                [nameof(AssessAuthorization)] = "assess-authorization",
                [nameof(TakeChallengeStep)] = "take-challenge-step",
                [nameof(RecordCardUse)] = "record-card-use",
                [nameof(CardVerdict)] = "card-verdict",
                [nameof(StopCard)] = "stop-card",
                [nameof(RegisterMerchant)] = "register-merchant",
                [nameof(MerchantStored)] = "merchant-stored",
                [nameof(RegisterTerminal)] = "register-terminal",
                [nameof(TerminalStored)] = "terminal-stored",
                [nameof(RegistrationRefused)] = "registration-refused",
                [nameof(AddFeePlanVersion)] = "add-fee-plan-version",
                [nameof(FeePlanVersionStored)] = "fee-plan-version-stored",
                [nameof(FeePlanChangeRefused)] = "fee-plan-change-refused",
                [nameof(QueueReversal)] = "queue-reversal",
                [nameof(ReversalAccepted)] = "reversal-accepted",
                [nameof(ReversalRefused)] = "reversal-refused",
            },
            manifests);
    }

    [Fact]
    public void No_cluster_message_shows_the_pan_or_what_the_cardholder_typed_in_its_string_form()
    {
        foreach (var message in ClusterMessageSamples.All(TestActor).Values)
        {
            var text = message.ToString()!;

            Assert.DoesNotContain(TerminalMessages.Pan, text, StringComparison.Ordinal);
            Assert.DoesNotContain(ClusterMessageSamples.TypedPhone, text, StringComparison.Ordinal);
            Assert.DoesNotContain(ClusterMessageSamples.TypedCode, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_unknown_manifest_is_a_serialization_error_not_a_guess()
    {
        var error = Assert.Throws<SerializationException>(() => Serializer.FromBinary([], "terminal-request-v9"));
        Assert.Contains("terminal-request-v9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_missing_a_part_it_cannot_do_without_is_a_serialization_error()
    {
        // An empty card verdict decodes as kind "unspecified", which no node ever sends.
        Assert.Throws<SerializationException>(() => Serializer.FromBinary([], "card-verdict"));
        // A challenge step without what the cardholder typed cannot be taken.
        Assert.Throws<SerializationException>(() => Serializer.FromBinary([], "take-challenge-step"));
        // A reversal needs the transaction it reverses, a stored fee plan at least one version.
        Assert.Throws<SerializationException>(() => Serializer.FromBinary([], "queue-reversal"));
        Assert.Throws<SerializationException>(() => Serializer.FromBinary([], "fee-plan-version-stored"));
    }
}
