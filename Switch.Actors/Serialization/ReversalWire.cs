using Switch.Actors.Reversals;
using static Switch.Actors.Serialization.WireValues;
using Wire = Switch.Actors.Serialization.Wire;

namespace Switch.Actors.Serialization;

/// <summary>The messages to an acquirer's reversal queue singleton and its answers, to and from their wire form.</summary>
internal static class ReversalWire
{
    public static Wire.QueueReversal ToWire(QueueReversal queue) => new() { Original = queue.Original };

    public static QueueReversal FromWire(Wire.QueueReversal queue) => new(Required(queue.Original, "original transaction"));

    public static Wire.ReversalAccepted ToWire(ReversalAccepted accepted) => new() { Rrn = accepted.Rrn };

    public static ReversalAccepted FromWire(Wire.ReversalAccepted accepted) => new(accepted.Rrn);

    public static Wire.ReversalRefused ToWire(ReversalRefused refused) => new() { Rrn = refused.Rrn, Reason = refused.Reason };

    public static ReversalRefused FromWire(Wire.ReversalRefused refused) => new(refused.Rrn, refused.Reason);
}
