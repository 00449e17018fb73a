using System.Buffers;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Actors.Transactions;

/// <summary>
/// The request as the acquirer gets it: the terminal's fields re-encoded in the link's dialect,
/// with the switch's RRN in field 37. Field 62 (the phone/code challenge) stays between terminal
/// and switch.
/// </summary>
public static class AcquirerRequest
{
    private const int RrnField = 37;
    private const int ChallengeField = 62;

    /// <exception cref="IsoFormatException">A value the link's dialect cannot carry.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A field the link's dialect does not define.</exception>
    public static byte[] Build(in IsoMessage request, IsoProfile link, string rrn)
    {
        var output = new ArrayBufferWriter<byte>(request.Bytes.Length + 32);
        var writer = new IsoMessageWriter(output, link, request.Mti);
        var rrnWritten = false;
        foreach (var field in request.Fields)
        {
            if (!rrnWritten && field >= RrnField)
            {
                writer.Write(RrnField, rrn);
                rrnWritten = true;
            }

            if (field is not (RrnField or ChallengeField))
            {
                writer.Copy(in request, field);
            }
        }

        if (!rrnWritten)
        {
            writer.Write(RrnField, rrn);
        }

        writer.Complete();
        return output.WrittenSpan.ToArray();
    }
}
