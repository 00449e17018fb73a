using Switch.Actors.Events;
using Switch.Protocol.Iso8583;

namespace Switch.Actors.Terminals;

/// <summary>
/// The 0510 to a batch close: the request's identifying fields echoed, 39, and the totals the
/// terminal sent (74-77, 86-89, and 97 when it sent one), as terminals expect them back. The totals
/// come from the journaled close, not the request, so a retransmission gets the same bytes.
/// </summary>
internal static class BatchReply
{
    private static readonly int[] EchoedBefore39 = [3, 7, 11, 12, 13];
    private static readonly int[] EchoedAfter39 = [41, 42];

    public static byte[] Build(in IsoMessage request, BatchClosed closed)
    {
        using var buffer = MessageBuffer.Rent();
        var writer = new IsoMessageWriter(buffer.Span, request.Profile, MessageTypes.ResponseTo(request.Mti));
        foreach (var field in EchoedBefore39)
        {
            writer.Copy(in request, field);
        }

        writer.Write(39, closed.ResponseCode);
        foreach (var field in EchoedAfter39)
        {
            writer.Copy(in request, field);
        }

        BatchTotalsFields.Write(ref writer, closed.TerminalTotals);
        return buffer.ToArray(writer.Complete());
    }
}
