using System.Security.Cryptography;
using Switch.Actors.Registry;
using Switch.Actors.Risk;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583;

namespace Switch.Actors.Routing;

/// <summary>What route rules look at in one request.</summary>
/// <param name="Bin">
/// The card number's leading digits: eight for a PAN of 16 digits or more, else six. That is what
/// PCI DSS lets be shown with the last four, so nothing more of the PAN reaches routing.
/// </param>
/// <param name="Scheme">The card's scheme from the BIN table; null when the table does not know it.</param>
/// <param name="AmountMinor">Field 4, minor units.</param>
/// <param name="Currency">Field 49, the ISO 4217 numeric code ("156").</param>
/// <param name="Mcc">The registered merchant's category code, the one the acquirer sees.</param>
/// <param name="MerchantCountry">The registered merchant's ISO 3166 alpha-2 country.</param>
public sealed record RouteRequest(
    string Bin,
    string? Scheme,
    PaymentInstrument Instrument,
    long AmountMinor,
    string Currency,
    string Mcc,
    string MerchantCountry)
{
    private const int ShortBin = 6;
    private const int LongBin = 8;
    private const int LongPan = 16;

    public static RouteRequest From(in IsoMessage request, Merchant merchant, BinTable bins)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        ArgumentNullException.ThrowIfNull(bins);
        // Sized for track 2, which CardNumber may copy whole when field 2 is absent.
        Span<byte> pan = stackalloc byte[Track2.MaxLength];
        string bin;
        string? scheme;
        if (CardNumber.TryCopy(in request, pan, out var length))
        {
            var digits = pan[..Math.Min(length, length >= LongPan ? LongBin : ShortBin)];
            bin = System.Text.Encoding.ASCII.GetString(digits);
            scheme = bins.Lookup(pan[..length])?.Scheme;
        }
        else
        {
            (bin, scheme) = (string.Empty, null);
        }

        CryptographicOperations.ZeroMemory(pan);
        return new RouteRequest(
            bin,
            scheme,
            PaymentInstruments.From(in request),
            request.TryGetInt64(4, out var amount) ? amount : 0,
            request.GetString(49),
            merchant.Mcc,
            merchant.Country);
    }
}
