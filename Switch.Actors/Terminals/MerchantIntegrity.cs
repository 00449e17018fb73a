using System.Text;
using Switch.Actors.Registry;
using Switch.Protocol.Iso8583;

namespace Switch.Actors.Terminals;

/// <summary>
/// Guards against "code jumping": a terminal transacts only as its registered merchant, under that
/// merchant's category code. A request naming another merchant (field 42) or asking for another
/// MCC (field 18) is refused, not relabelled, so the attempt is visible to the operator.
/// </summary>
public static class MerchantIntegrity
{
    private const int MccField = 18;
    private const int MidField = 42;

    /// <summary>Field 42's length, the longer of the two.</summary>
    private const int MaxLength = 15;

    /// <returns>Null when the request may run under <paramref name="merchant"/>; else which field disagrees.</returns>
    public static MerchantMismatch? Check(in IsoMessage request, Merchant merchant)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        if (request.Has(MidField) && !Names(in request, MidField, merchant.Mid))
        {
            return MerchantMismatch.Mid;
        }

        return request.Has(MccField) && !Names(in request, MccField, merchant.Mcc) ? MerchantMismatch.Mcc : null;
    }

    // Runs on every financial request: compared in place, the field's padding (42 is fixed 15) ignored.
    private static bool Names(in IsoMessage request, int field, string expected)
    {
        Span<byte> value = stackalloc byte[MaxLength];
        if (request.Length(field) > MaxLength)
        {
            return false;
        }

        var length = request.CopyValue(field, value);
        return Ascii.Equals(value[..length].TrimEnd((byte)' '), expected);
    }
}

public enum MerchantMismatch
{
    /// <summary>Field 42 names a merchant other than the terminal's.</summary>
    Mid,

    /// <summary>Field 18 asks for an MCC other than the registered merchant's.</summary>
    Mcc,
}
