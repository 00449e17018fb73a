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

    /// <returns>Null when the request may run under <paramref name="merchant"/>; else which field disagrees.</returns>
    public static MerchantMismatch? Check(in IsoMessage request, Merchant merchant)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        if (request.Has(MidField) && !string.Equals(request.GetString(MidField).TrimEnd(), merchant.Mid, StringComparison.Ordinal))
        {
            return MerchantMismatch.Mid;
        }

        return request.Has(MccField) && !string.Equals(request.GetString(MccField), merchant.Mcc, StringComparison.Ordinal)
            ? MerchantMismatch.Mcc
            : null;
    }
}

public enum MerchantMismatch
{
    /// <summary>Field 42 names a merchant other than the terminal's.</summary>
    Mid,

    /// <summary>Field 18 asks for an MCC other than the registered merchant's.</summary>
    Mcc,
}
