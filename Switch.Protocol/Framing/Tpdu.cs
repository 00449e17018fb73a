using System.Buffers.Binary;
using System.Globalization;

namespace Switch.Protocol.Framing;

/// <summary>
/// The 5-byte transport header of NAC-style framing: an id (0x60), a 2-byte destination and a
/// 2-byte source. A reply carries the request's TPDU with destination and source swapped.
/// </summary>
public readonly record struct Tpdu(byte Id, ushort Destination, ushort Source)
{
    public const int Length = 5;

    public static Tpdu Read(ReadOnlySpan<byte> bytes) =>
        new(bytes[0], BinaryPrimitives.ReadUInt16BigEndian(bytes[1..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[3..]));

    /// <summary>The TPDU for the reply: destination and source swapped.</summary>
    public Tpdu Swapped() => this with { Destination = Source, Source = Destination };

    public void Write(Span<byte> destination)
    {
        destination[0] = Id;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], Destination);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], Source);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id:X2}{Destination:X4}{Source:X4}");
}
