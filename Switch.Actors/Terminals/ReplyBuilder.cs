using Switch.Protocol.Iso8583;

namespace Switch.Actors.Terminals;

/// <summary>
/// A terminal's answer to its request: the response MTI, the request's identifying fields echoed
/// (90 too, so an 0410 names the original as its 0400 did), and the switch's own 37 (RRN), 38 (auth
/// code) and 39 (response code), and what the switch adds for the terminal: the challenge step
/// (field 62) of a 1A, the receipt message (63) of an approval. PAN, track and PIN block are never
/// echoed: the terminal has them and the wire needs them no more.
/// </summary>
public static class ReplyBuilder
{
    private static readonly int[] EchoedBefore37 = [3, 4, 7, 11, 12, 13];
    private static readonly int[] EchoedAfter39 = [41, 42, 49];
    private static readonly int[] EchoedLast = [70, 90];

    public static byte[] Build(in IsoMessage request, string responseCode, string? rrn = null, string? authCode = null) =>
        Build(in request, responseCode, rrn, authCode, default);

    /// <param name="addendum">Field 62 or 63 of the switch's own, written between the echoed 49 and 70.</param>
    public static byte[] Build(in IsoMessage request, string responseCode, string? rrn, string? authCode, ReplyAddendum addendum)
    {
        ArgumentException.ThrowIfNullOrEmpty(responseCode);
        using var buffer = MessageBuffer.Rent();
        var writer = new IsoMessageWriter(buffer.Span, request.Profile, MessageTypes.ResponseTo(request.Mti));
        foreach (var field in EchoedBefore37)
        {
            writer.Copy(in request, field);
        }

        if (!string.IsNullOrEmpty(rrn))
        {
            writer.Write(37, rrn);
        }

        if (!string.IsNullOrEmpty(authCode))
        {
            writer.Write(38, authCode);
        }

        writer.Write(39, responseCode);
        foreach (var field in EchoedAfter39)
        {
            writer.Copy(in request, field);
        }

        if (addendum.Field != 0)
        {
            writer.Write(addendum.Field, addendum.Value.Span);
        }

        foreach (var field in EchoedLast)
        {
            writer.Copy(in request, field);
        }

        return buffer.ToArray(writer.Complete());
    }
}
