using System.Runtime.Serialization;
using Akka.Actor;
using Google.Protobuf;
using Switch.Actors.Registry;
using Switch.Actors.Risk;
using Switch.Protocol.Framing;
using Wire = Switch.Actors.Serialization.Wire;

namespace Switch.Actors.Serialization;

/// <summary>The values several cluster messages share, to and from their wire form.</summary>
internal static class WireValues
{
    /// <summary>
    /// Wraps without copying: the array is only read while the message is written, and the
    /// protobuf message never outlives <see cref="WireFormat.Write"/>.
    /// </summary>
    public static ByteString Bytes(byte[] bytes) => UnsafeByteOperations.UnsafeWrap(bytes);

    public static T Required<T>(T? value, string field)
        where T : class =>
        value ?? throw new SerializationException($"the cluster message has no {field}");

    public static string ActorPath(IActorRef actor) => Akka.Serialization.Serialization.SerializedActorPath(actor);

    public static IActorRef ActorRef(ExtendedActorSystem system, string path) =>
        path.Length == 0 ? ActorRefs.Nobody : system.Provider.ResolveActorRef(path);

    public static Wire.Tpdu ToWire(Tpdu tpdu) => new() { Id = tpdu.Id, Destination = tpdu.Destination, Source = tpdu.Source };

    public static Tpdu FromWire(Wire.Tpdu tpdu) =>
        new(checked((byte)tpdu.Id), checked((ushort)tpdu.Destination), checked((ushort)tpdu.Source));

    public static Wire.Instant ToWire(DateTimeOffset at) => new() { UtcTicks = at.UtcTicks, OffsetMinutes = (int)at.Offset.TotalMinutes };

    public static DateTimeOffset FromWire(Wire.Instant at) =>
        new DateTimeOffset(at.UtcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(at.OffsetMinutes));

    public static Wire.Merchant ToWire(Merchant merchant)
    {
        var wire = new Wire.Merchant
        {
            Mid = merchant.Mid,
            Name = merchant.Name,
            Mcc = merchant.Mcc,
            Country = merchant.Country,
            Challenge = merchant.Challenge switch
            {
                ChallengePolicy.Risk => Wire.ChallengePolicy.Risk,
                ChallengePolicy.Always => Wire.ChallengePolicy.Always,
                ChallengePolicy.Never => Wire.ChallengePolicy.Never,
                _ => throw new SerializationException($"challenge policy {merchant.Challenge} has no wire form"),
            },
        };
        if (merchant.FeePlan is not null)
        {
            wire.FeePlan = merchant.FeePlan;
        }

        return wire;
    }

    public static Merchant FromWire(Wire.Merchant merchant) => new(
        merchant.Mid,
        merchant.Name,
        merchant.Mcc,
        merchant.Country,
        merchant.Challenge switch
        {
            Wire.ChallengePolicy.Risk => ChallengePolicy.Risk,
            Wire.ChallengePolicy.Always => ChallengePolicy.Always,
            Wire.ChallengePolicy.Never => ChallengePolicy.Never,
            _ => throw new SerializationException($"challenge policy {merchant.Challenge} is not known to this node"),
        },
        merchant.HasFeePlan ? merchant.FeePlan : null);

    public static Wire.TerminalVelocity ToWire(TerminalVelocity velocity) => new()
    {
        LastMinute = ToWire(velocity.LastMinute),
        LastHour = ToWire(velocity.LastHour),
    };

    public static TerminalVelocity FromWire(Wire.TerminalVelocity velocity) =>
        new(FromWire(Required(velocity.LastMinute, "last minute")), FromWire(Required(velocity.LastHour, "last hour")));

    private static Wire.ActivityTotals ToWire(ActivityTotals totals) => new() { Count = totals.Count, SumMinor = totals.SumMinor };

    private static ActivityTotals FromWire(Wire.ActivityTotals totals) => new(totals.Count, totals.SumMinor);
}
