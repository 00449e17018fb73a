using System.Globalization;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Traffic.Generator.Recovery;

/// <summary>
/// A financial request as the terminal sent it: the exact bytes a retransmission repeats, and the
/// identity (MTI, STAN, field 7, amount) its outcome and its reversal name.
/// </summary>
internal sealed record PendingRequest(byte[] Bytes, int Mti, int Stan, string TransmissionTime, long Amount)
{
    public static PendingRequest From(byte[] bytes, IsoProfile profile)
    {
        var message = IsoMessage.Parse(bytes, profile);
        return new PendingRequest(bytes, message.Mti, message.GetInt32(11), message.GetString(7), message.GetInt64(4));
    }

    /// <summary>
    /// The reversal of this request (<paramref name="mti"/> 400, or 401 for its repeats): the original's
    /// processing code, amount, terminal, merchant and currency, a STAN and field 7 of its own, and
    /// field 90 naming the original (MTI, STAN, field 7, no institution ids), so the switch finds it.
    /// </summary>
    public byte[] Reversal(int mti, int stan, string transmissionTime, IsoProfile profile)
    {
        var original = IsoMessage.Parse(Bytes, profile);
        var buffer = new byte[Bytes.Length + 64];
        var writer = new IsoMessageWriter(buffer, profile, mti);
        writer.Copy(in original, 3);
        writer.Copy(in original, 4);
        writer.Write(7, transmissionTime);
        writer.WriteNumber(11, stan);
        writer.Copy(in original, 41);
        writer.Copy(in original, 42);
        writer.Copy(in original, 49);
        writer.Write(90, string.Create(CultureInfo.InvariantCulture, $"{Mti:D4}{Stan:D6}{TransmissionTime}{0L:D11}{0L:D11}"));
        return buffer.AsSpan(0, writer.Complete()).ToArray();
    }
}
