using System.Buffers.Binary;
using System.Globalization;
using Switch.Protocol.Iso8583;

namespace Switch.Actors.Transactions;

/// <summary>
/// What makes a request an exact retransmission (DESIGN.md): same terminal, STAN, transmission
/// date-time (field 7) and amount, which earns the original response again instead of a second
/// authorization. Five numbers, so hashing and comparing it in a terminal's duplicate window costs no
/// string work. The message class is part of it too: a terminal that builds its 0400 from the
/// original's fields would otherwise have the reversal answered with the purchase's approval, and
/// nothing reversed.
/// </summary>
/// <param name="Terminal">Field 41, up to 8 ASCII bytes packed big-endian, zero-filled on the right.</param>
/// <param name="MessageClass">The MTI with its repeat bit cleared, so 0401 matches the 0400 it repeats.</param>
/// <param name="Stan">Field 11.</param>
/// <param name="TransmissionDateTime">Field 7 as MMDDhhmmss digits; 0 when absent.</param>
/// <param name="Amount">Field 4 in minor units; 0 when absent (a reversal may leave it out).</param>
public readonly record struct DuplicateKey(ulong Terminal, int MessageClass, int Stan, long TransmissionDateTime, long Amount)
{
    private const int MaxTerminalIdLength = sizeof(ulong);

    /// <summary>
    /// False when there is no TID (of at most 8 characters) or STAN. A missing field 7 or 4 reads as 0,
    /// so the retransmission of a malformed request still finds the answer the first one got.
    /// </summary>
    public static bool TryCreate(in IsoMessage message, out DuplicateKey key)
    {
        key = default;
        Span<byte> tid = stackalloc byte[MaxTerminalIdLength];
        if (!MessageFields.TryCopy(in message, 41, tid, out var tidLength) ||
            !message.TryGetInt64(11, out var stan) || stan > int.MaxValue)
        {
            return false;
        }

        message.TryGetInt64(7, out var sent);
        message.TryGetInt64(4, out var amount);
        key = new DuplicateKey(PackTerminalId(tid[..tidLength]), MessageClassOf(message.Mti), (int)stan, sent, amount);
        return true;
    }

    /// <summary>
    /// The key of a request as a terminal's own journal records it, where the terminal is implied;
    /// compare it with <see cref="WithinTerminal"/> of a live request's key.
    /// </summary>
    public static DuplicateKey WithinTerminal(int mti, int stan, long transmissionDateTime, long amount) =>
        new(0, MessageClassOf(mti), stan, transmissionDateTime, amount);

    /// <summary>This key with the terminal left out, as a terminal keeps its own window.</summary>
    public DuplicateKey InTerminal => this with { Terminal = 0 };

    private static int MessageClassOf(int mti) => mti - (mti % 2);

    /// <summary>Field 41 as a number; the bytes past <paramref name="tid"/>'s length stay zero.</summary>
    public static ulong PackTerminalId(ReadOnlySpan<byte> tid)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tid.Length, MaxTerminalIdLength, nameof(tid));
        Span<byte> packed = stackalloc byte[MaxTerminalIdLength];
        packed.Clear();
        tid.CopyTo(packed);
        return BinaryPrimitives.ReadUInt64BigEndian(packed);
    }

    /// <summary>The TID as text, for logs.</summary>
    public string TerminalId
    {
        get
        {
            Span<byte> packed = stackalloc byte[MaxTerminalIdLength];
            BinaryPrimitives.WriteUInt64BigEndian(packed, Terminal);
            var length = packed.IndexOf((byte)0);
            return System.Text.Encoding.ASCII.GetString(length < 0 ? packed : packed[..length]);
        }
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{TerminalId} {MessageClass:D4} STAN {Stan:D6} at {TransmissionDateTime:D10} amount {Amount}");
}
