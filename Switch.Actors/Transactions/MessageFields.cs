using Switch.Protocol.Iso8583;

namespace Switch.Actors.Transactions;

internal static class MessageFields
{
    /// <summary>
    /// Copies a field's application value; false when it is absent or longer than
    /// <paramref name="destination"/>, which <see cref="IsoMessage.CopyValue"/> would throw for (a
    /// profile loaded from a file may allow longer values than the rules here accept).
    /// </summary>
    public static bool TryCopy(in IsoMessage message, int field, Span<byte> destination, out int length)
    {
        length = message.Length(field);
        if (length == 0 || length > destination.Length)
        {
            length = 0;
            return false;
        }

        message.CopyValue(field, destination);
        return true;
    }
}
