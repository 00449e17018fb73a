using Switch.Actors.Registry;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Actors.Transactions;

/// <summary>
/// The request as the acquirer gets it: the terminal's fields re-encoded in the link's dialect,
/// with the switch's RRN in field 37 and the registered merchant's category code (18) and id (42),
/// whatever the terminal sent: a transaction never travels under another merchant's MCC ("code
/// jumping"). Field 62 (the phone/code challenge) stays between terminal and switch.
/// </summary>
public static class AcquirerRequest
{
    private const int MccField = 18;
    private const int RrnField = 37;
    private const int MidField = 42;
    private const int ChallengeField = 62;

    /// <exception cref="IsoFormatException">A value the link's dialect cannot carry.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A field the link's dialect does not define.</exception>
    public static byte[] Build(in IsoMessage request, IsoProfile link, string rrn, Merchant merchant)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        // The switch's fields and another dialect's encoding can make it longer than the terminal's frame.
        using var buffer = MessageBuffer.Rent(2 * request.Bytes.Length);
        var writer = new IsoMessageWriter(buffer.Span, link, request.Mti);
        ReadOnlySpan<int> switchFields = [MccField, RrnField, MidField];
        var next = 0;
        foreach (var field in request.Fields)
        {
            while (next < switchFields.Length && switchFields[next] <= field)
            {
                WriteSwitchField(ref writer, switchFields[next++], rrn, merchant);
            }

            if (field is not (MccField or RrnField or MidField or ChallengeField))
            {
                writer.Copy(in request, field);
            }
        }

        while (next < switchFields.Length)
        {
            WriteSwitchField(ref writer, switchFields[next++], rrn, merchant);
        }

        return buffer.ToArray(writer.Complete());
    }

    private static void WriteSwitchField(ref IsoMessageWriter writer, int field, string rrn, Merchant merchant) =>
        writer.Write(field, field switch
        {
            MccField => merchant.Mcc,
            RrnField => rrn,
            _ => merchant.Mid,
        });
}
