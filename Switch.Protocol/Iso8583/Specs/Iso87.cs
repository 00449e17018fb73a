using static Switch.Protocol.Iso8583.Specs.ContentType;
using static Switch.Protocol.Iso8583.Specs.LengthKind;

namespace Switch.Protocol.Iso8583.Specs;

/// <summary>
/// The ISO 8583:1987 data dictionary (type, length, fixed or variable) once, and the two shipped
/// profiles derived from it by an encoding rule. Types and lengths follow jPOS's ISO87 packagers
/// where jPOS departs from the standard's table (field 35 as LLNUM, 36 as LLLCHAR, 93 as 6
/// characters), because byte compatibility with jPOS peers is the point.
/// </summary>
public static class Iso87
{
    public const string AsciiName = "iso87-ascii";
    public const string BinaryName = "iso87-binary";

    private sealed record Entry(int Number, ContentType Type, int Length, LengthKind Prefix, string Description, Sensitivity Sensitivity = Sensitivity.None);

    private static readonly Entry[] Dictionary = BuildDictionary();

    /// <summary>jPOS ISO87APackagerBBitmap: ASCII MTI, binary bitmap, ASCII values and prefixes, b as hex.</summary>
    public static IsoProfile Ascii { get; } = Build(AsciiName, MtiEncoding.Ascii, e => new FieldSpec(
        e.Number, e.Type, e.Length, e.Prefix,
        e.Type == ContentType.Binary ? ValueEncoding.Hex : ValueEncoding.Ascii,
        PrefixEncoding.Ascii, sensitivity: e.Sensitivity, description: e.Description));

    /// <summary>jPOS ISO87BPackager: BCD MTI, numerics and prefixes; binary bitmap and b fields; text in ASCII.</summary>
    public static IsoProfile Binary { get; } = Build(BinaryName, MtiEncoding.Bcd, e => new FieldSpec(
        e.Number, e.Type, e.Length, e.Prefix,
        e.Type switch
        {
            ContentType.Binary => ValueEncoding.Binary,
            _ when FieldSpec.IsDigits(e.Type) => ValueEncoding.Bcd,
            _ => ValueEncoding.Ascii,
        },
        PrefixEncoding.Bcd, sensitivity: e.Sensitivity, description: e.Description));

    private static IsoProfile Build(string name, MtiEncoding mti, Func<Entry, FieldSpec> rule) =>
        new(name, mti, BitmapEncoding.Binary, Dictionary.Select(rule));

    private static Entry[] BuildDictionary()
    {
        var entries = new List<Entry>
        {
            new(2, Numeric, 19, LL, "Primary account number", Sensitivity.Pan),
            new(3, Numeric, 6, Fixed, "Processing code"),
            new(4, Numeric, 12, Fixed, "Amount, transaction"),
            new(5, Numeric, 12, Fixed, "Amount, settlement"),
            new(6, Numeric, 12, Fixed, "Amount, cardholder billing"),
            new(7, Numeric, 10, Fixed, "Transmission date and time"),
            new(8, Numeric, 8, Fixed, "Amount, cardholder billing fee"),
            new(9, Numeric, 8, Fixed, "Conversion rate, settlement"),
            new(10, Numeric, 8, Fixed, "Conversion rate, cardholder billing"),
            new(11, Numeric, 6, Fixed, "System trace audit number"),
            new(12, Numeric, 6, Fixed, "Time, local transaction"),
            new(13, Numeric, 4, Fixed, "Date, local transaction"),
            new(14, Numeric, 4, Fixed, "Date, expiration", Sensitivity.Secret),
            new(15, Numeric, 4, Fixed, "Date, settlement"),
            new(16, Numeric, 4, Fixed, "Date, conversion"),
            new(17, Numeric, 4, Fixed, "Date, capture"),
            new(18, Numeric, 4, Fixed, "Merchant type"),
            new(19, Numeric, 3, Fixed, "Acquiring institution country code"),
            new(20, Numeric, 3, Fixed, "PAN extended country code"),
            new(21, Numeric, 3, Fixed, "Forwarding institution country code"),
            new(22, Numeric, 3, Fixed, "Point of service entry mode"),
            new(23, Numeric, 3, Fixed, "Card sequence number"),
            new(24, Numeric, 3, Fixed, "Network international identifier"),
            new(25, Numeric, 2, Fixed, "Point of service condition code"),
            new(26, Numeric, 2, Fixed, "Point of service PIN capture code"),
            new(27, Numeric, 1, Fixed, "Authorization identification response length"),
            new(28, SignedAmount, 9, Fixed, "Amount, transaction fee"),
            new(29, SignedAmount, 9, Fixed, "Amount, settlement fee"),
            new(30, SignedAmount, 9, Fixed, "Amount, transaction processing fee"),
            new(31, SignedAmount, 9, Fixed, "Amount, settlement processing fee"),
            new(32, Numeric, 11, LL, "Acquiring institution identification code"),
            new(33, Numeric, 11, LL, "Forwarding institution identification code"),
            new(34, AlphaNumericSpecial, 28, LL, "PAN extended", Sensitivity.Pan),
            new(35, Track, 37, LL, "Track 2 data", Sensitivity.Secret),
            new(36, AlphaNumericSpecial, 104, LLL, "Track 3 data", Sensitivity.Secret),
            new(37, AlphaNumeric, 12, Fixed, "Retrieval reference number"),
            new(38, AlphaNumeric, 6, Fixed, "Authorization identification response"),
            new(39, AlphaNumeric, 2, Fixed, "Response code"),
            new(40, AlphaNumeric, 3, Fixed, "Service restriction code"),
            new(41, AlphaNumericSpecial, 8, Fixed, "Card acceptor terminal identification"),
            new(42, AlphaNumericSpecial, 15, Fixed, "Card acceptor identification code"),
            new(43, AlphaNumericSpecial, 40, Fixed, "Card acceptor name/location"),
            new(44, AlphaNumericSpecial, 25, LL, "Additional response data"),
            new(45, AlphaNumericSpecial, 76, LL, "Track 1 data", Sensitivity.Secret),
            new(46, AlphaNumericSpecial, 999, LLL, "Additional data, ISO"),
            new(47, AlphaNumericSpecial, 999, LLL, "Additional data, national"),
            new(48, AlphaNumericSpecial, 999, LLL, "Additional data, private"),
            new(49, AlphaNumeric, 3, Fixed, "Currency code, transaction"),
            new(50, AlphaNumeric, 3, Fixed, "Currency code, settlement"),
            new(51, AlphaNumeric, 3, Fixed, "Currency code, cardholder billing"),
            new(52, ContentType.Binary, 8, Fixed, "PIN data", Sensitivity.Secret),
            new(53, Numeric, 16, Fixed, "Security related control information"),
            new(54, AlphaNumericSpecial, 120, LLL, "Additional amounts"),
            new(55, AlphaNumericSpecial, 999, LLL, "Reserved ISO"),
            new(56, AlphaNumericSpecial, 999, LLL, "Reserved ISO"),
            new(57, AlphaNumericSpecial, 999, LLL, "Reserved national"),
            new(58, AlphaNumericSpecial, 999, LLL, "Reserved national"),
            new(59, AlphaNumericSpecial, 999, LLL, "Reserved national"),
            new(60, AlphaNumericSpecial, 999, LLL, "Reserved private"),
            new(61, AlphaNumericSpecial, 999, LLL, "Reserved private"),
            new(62, AlphaNumericSpecial, 999, LLL, "Challenge data (TLV)", Sensitivity.ChallengeTlv),
            new(63, AlphaNumericSpecial, 999, LLL, "Receipt message"),
            new(64, ContentType.Binary, 8, Fixed, "Message authentication code", Sensitivity.Secret),
            new(65, ContentType.Binary, 1, Fixed, "Bitmap, extended"),
            new(66, Numeric, 1, Fixed, "Settlement code"),
            new(67, Numeric, 2, Fixed, "Extended payment code"),
            new(68, Numeric, 3, Fixed, "Receiving institution country code"),
            new(69, Numeric, 3, Fixed, "Settlement institution country code"),
            new(70, Numeric, 3, Fixed, "Network management information code"),
            new(71, Numeric, 4, Fixed, "Message number"),
            new(72, Numeric, 4, Fixed, "Message number, last"),
            new(73, Numeric, 6, Fixed, "Date, action"),
        };
        string[] counts = ["Credits, number", "Credits, reversal number", "Debits, number", "Debits, reversal number",
            "Transfer, number", "Transfer, reversal number", "Inquiries, number", "Authorizations, number"];
        entries.AddRange(counts.Select((d, i) => new Entry(74 + i, Numeric, 10, Fixed, d)));
        string[] fees = ["Credits, processing fee amount", "Credits, transaction fee amount",
            "Debits, processing fee amount", "Debits, transaction fee amount"];
        entries.AddRange(fees.Select((d, i) => new Entry(82 + i, Numeric, 12, Fixed, d)));
        string[] totals = ["Credits, amount", "Credits, reversal amount", "Debits, amount", "Debits, reversal amount"];
        entries.AddRange(totals.Select((d, i) => new Entry(86 + i, Numeric, 16, Fixed, d)));
        entries.AddRange(
        [
            new(90, Numeric, 42, Fixed, "Original data elements"),
            new(91, AlphaNumeric, 1, Fixed, "File update code"),
            new(92, AlphaNumeric, 2, Fixed, "File security code"),
            new(93, AlphaNumeric, 6, Fixed, "Response indicator"),
            new(94, AlphaNumeric, 7, Fixed, "Service indicator"),
            new(95, AlphaNumeric, 42, Fixed, "Replacement amounts"),
            new(96, ContentType.Binary, 16, Fixed, "Message security code", Sensitivity.Secret),
            new(97, SignedAmount, 17, Fixed, "Amount, net settlement"),
            new(98, AlphaNumericSpecial, 25, Fixed, "Payee"),
            new(99, Numeric, 11, LL, "Settlement institution identification code"),
            new(100, Numeric, 11, LL, "Receiving institution identification code"),
            new(101, AlphaNumericSpecial, 17, LL, "File name"),
            new(102, AlphaNumericSpecial, 28, LL, "Account identification 1"),
            new(103, AlphaNumericSpecial, 28, LL, "Account identification 2"),
            new(104, AlphaNumericSpecial, 100, LLL, "Transaction description"),
        ]);
        for (var n = 105; n <= 127; n++)
        {
            entries.Add(new Entry(n, AlphaNumericSpecial, 999, LLL, n <= 111 ? "Reserved ISO" : n <= 119 ? "Reserved national" : "Reserved private"));
        }

        entries.Add(new Entry(128, ContentType.Binary, 8, Fixed, "Message authentication code 2", Sensitivity.Secret));
        return [.. entries];
    }
}
