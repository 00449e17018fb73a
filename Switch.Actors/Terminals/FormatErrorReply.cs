using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Actors.Terminals;

/// <summary>
/// The 30 (format error) answer to a message that could not be parsed but could still be
/// identified: the MTI and STAN, and the TID when it was read, are all the reply can echo.
/// </summary>
public static class FormatErrorReply
{
    public static byte[] Build(IsoError error, IsoProfile profile)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!error.CanAnswer)
        {
            throw new ArgumentException("an error without MTI and STAN cannot be answered", nameof(error));
        }

        using var buffer = MessageBuffer.Rent();
        var mti = error.Mti!.Value;
        var writer = new IsoMessageWriter(buffer.Span, profile, MessageTypes.ResponseTo(mti));
        writer.WriteNumber(11, error.Stan!.Value);
        writer.Write(39, ResponseCodes.FormatError);
        if (error.Tid is { Length: > 0 } tid)
        {
            writer.Write(41, tid);
        }

        return buffer.ToArray(writer.Complete());
    }
}
