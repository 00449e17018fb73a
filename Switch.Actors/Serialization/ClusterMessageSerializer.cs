using System.Collections.Frozen;
using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;
using Switch.Actors.Cards;
using Switch.Actors.Fees;
using Switch.Actors.Registry;
using Switch.Actors.Reversals;
using Switch.Actors.Terminals;
using Wire = Switch.Actors.Serialization.Wire;

namespace Switch.Actors.Serialization;

/// <summary>
/// Serializes every <see cref="IClusterMessage"/>: the messages to sharded terminal and card
/// entities and to the singletons (registry, fee plans, reversal queues), and their answers, which
/// another node may send or receive. Each maps to a message of
/// cluster_messages.proto under a short manifest, so the records actors use stay as they are and
/// the wire stays versioned; Akka's default JSON serializer has neither speed nor a schema.
/// </summary>
public sealed class ClusterMessageSerializer : SerializerWithStringManifest
{
    /// <summary>Akka serializer id; must never change once nodes of different versions meet.</summary>
    public const int Id = 8584;

    private readonly FrozenDictionary<Type, WireFormat> _byType;
    private readonly FrozenDictionary<string, WireFormat> _byManifest;

    public ClusterMessageSerializer(ExtendedActorSystem system)
        : base(system)
    {
        // The manifests are the wire's names: add new ones, never change one.
        WireFormat[] formats =
        [
            WireFormat.Of<TerminalRequest, Wire.TerminalRequest>("terminal-request", Wire.TerminalRequest.Parser, TerminalWire.ToWire, wire => TerminalWire.FromWire(wire, system)),
            WireFormat.Of<TerminalReply, Wire.TerminalReply>("terminal-reply", Wire.TerminalReply.Parser, TerminalWire.ToWire, TerminalWire.FromWire),
            WireFormat.Singleton("stop-terminal", StopTerminal.Instance),
            WireFormat.Of<BindPhone, Wire.BindPhone>("bind-phone", Wire.BindPhone.Parser, CardWire.ToWire, CardWire.FromWire),
            WireFormat.Of<PhoneBound, Wire.PhoneBound>("phone-bound", Wire.PhoneBound.Parser, CardWire.ToWire, CardWire.FromWire),
            WireFormat.Of<AssessAuthorization, Wire.AssessAuthorization>("assess-authorization", Wire.AssessAuthorization.Parser, CardWire.ToWire, CardWire.FromWire),
            WireFormat.Of<TakeChallengeStep, Wire.TakeChallengeStep>("take-challenge-step", Wire.TakeChallengeStep.Parser, CardWire.ToWire, CardWire.FromWire),
            WireFormat.Of<RecordCardUse, Wire.RecordCardUse>("record-card-use", Wire.RecordCardUse.Parser, CardWire.ToWire, CardWire.FromWire),
            WireFormat.Of<CardVerdict, Wire.CardVerdict>("card-verdict", Wire.CardVerdict.Parser, CardWire.ToWire, CardWire.FromWire),
            WireFormat.Singleton("stop-card", StopCard.Instance),
            WireFormat.Of<RegisterMerchant, Wire.RegisterMerchant>("register-merchant", Wire.RegisterMerchant.Parser, RegistryWire.ToWire, RegistryWire.FromWire),
            WireFormat.Of<MerchantStored, Wire.MerchantStored>("merchant-stored", Wire.MerchantStored.Parser, RegistryWire.ToWire, RegistryWire.FromWire),
            WireFormat.Of<RegisterTerminal, Wire.RegisterTerminal>("register-terminal", Wire.RegisterTerminal.Parser, RegistryWire.ToWire, RegistryWire.FromWire),
            WireFormat.Of<TerminalStored, Wire.TerminalStored>("terminal-stored", Wire.TerminalStored.Parser, RegistryWire.ToWire, RegistryWire.FromWire),
            WireFormat.Of<RegistrationRefused, Wire.RegistrationRefused>("registration-refused", Wire.RegistrationRefused.Parser, RegistryWire.ToWire, RegistryWire.FromWire),
            WireFormat.Of<AddFeePlanVersion, Wire.AddFeePlanVersion>("add-fee-plan-version", Wire.AddFeePlanVersion.Parser, FeePlanWire.ToWire, FeePlanWire.FromWire),
            WireFormat.Of<FeePlanVersionStored, Wire.FeePlanVersionStored>("fee-plan-version-stored", Wire.FeePlanVersionStored.Parser, FeePlanWire.ToWire, FeePlanWire.FromWire),
            WireFormat.Of<FeePlanChangeRefused, Wire.FeePlanChangeRefused>("fee-plan-change-refused", Wire.FeePlanChangeRefused.Parser, FeePlanWire.ToWire, FeePlanWire.FromWire),
            WireFormat.Of<QueueReversal, Wire.QueueReversal>("queue-reversal", Wire.QueueReversal.Parser, ReversalWire.ToWire, ReversalWire.FromWire),
            WireFormat.Of<ReversalAccepted, Wire.ReversalAccepted>("reversal-accepted", Wire.ReversalAccepted.Parser, ReversalWire.ToWire, ReversalWire.FromWire),
            WireFormat.Of<ReversalRefused, Wire.ReversalRefused>("reversal-refused", Wire.ReversalRefused.Parser, ReversalWire.ToWire, ReversalWire.FromWire),
        ];
        _byType = formats.ToFrozenDictionary(format => format.Type);
        _byManifest = formats.ToFrozenDictionary(format => format.Manifest, StringComparer.Ordinal);
    }

    /// <summary>HOCON binding every cluster message to this serializer.</summary>
    public static string Config => $$"""
        akka.actor {
          serializers.switch-cluster = "{{typeof(ClusterMessageSerializer).AssemblyQualifiedName}}"
          serialization-bindings { "{{typeof(IClusterMessage).FullName}}, {{typeof(IClusterMessage).Assembly.GetName().Name}}" = switch-cluster }
        }
        """;

    public override int Identifier => Id;

    /// <summary>The message types this serializer has a wire format for.</summary>
    internal IEnumerable<Type> BoundTypes => _byType.Keys;

    public override string Manifest(object o) => Format(o).Manifest;

    public override byte[] ToBinary(object obj) => Format(obj).Write(obj);

    public override object FromBinary(byte[] bytes, string manifest) =>
        _byManifest.TryGetValue(manifest, out var format)
            ? format.Read(bytes)
            : throw new SerializationException($"no cluster message has the manifest '{manifest}'");

    // Only the type is named: the message may carry a terminal's frame or what a cardholder typed.
    private WireFormat Format(object message) =>
        message is not null && _byType.TryGetValue(message.GetType(), out var format)
            ? format
            : throw new SerializationException($"{message?.GetType()} has no cluster wire format");
}
