using Switch.Protocol.Iso8583;

namespace Switch.Actors.Routing;

/// <summary>How the customer paid: a card, or a QR payment code shown at the terminal.</summary>
public enum PaymentInstrument
{
    Card,
    Qr,
}

/// <summary>Tells the instrument from the request.</summary>
public static class PaymentInstruments
{
    private const int PosEntryModeField = 22;

    /// <summary>
    /// A terminal that scans the customer's QR payment code sends the code's account number as the
    /// PAN and field 22 (POS entry mode) starting <c>03</c>, ISO 8583:1987's "bar code" entry;
    /// everything else (chip, swipe, contactless, keyed, no field 22) is a card.
    /// </summary>
    public static PaymentInstrument From(in IsoMessage request) =>
        request.GetString(PosEntryModeField).StartsWith("03", StringComparison.Ordinal) ? PaymentInstrument.Qr : PaymentInstrument.Card;

    /// <summary>The name used in configuration, metrics and the journal.</summary>
    public static string Name(PaymentInstrument instrument) => instrument == PaymentInstrument.Qr ? "qr" : "card";
}
