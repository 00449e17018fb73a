using System.Globalization;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583;

namespace Switch.Actors.Terminals;

/// <summary>
/// How a reversal (0400/0401) names its original. Field 90, when present, names it exactly (MTI,
/// STAN, transmission date-time). Without it, terminals repeat the original's STAN in field 11, and
/// often its amount (4) and date-time (7): a different amount rules a candidate out, an equal
/// date-time makes it the better of two with one STAN.
/// </summary>
internal readonly record struct OriginalReference(int Stan, int MessageClass, long TransmissionDateTime, long Amount, bool ByField90)
{
    /// <summary>Not the original.</summary>
    public const int NoMatch = 0;

    /// <summary>The STAN fits and nothing rules it out.</summary>
    public const int StanMatch = 1;

    /// <summary>Named by field 90, or STAN and field 7 both fit.</summary>
    public const int ExactMatch = 2;

    /// <summary>Reads a reversal the <see cref="RequestValidator"/> passed: field 11 present, field 90 well formed when present.</summary>
    public static OriginalReference Of(in IsoMessage reversal)
    {
        Span<byte> digits = stackalloc byte[OriginalDataElements.Length];
        if (MessageFields.TryCopy(in reversal, 90, digits, out var length) &&
            OriginalDataElements.TryParse(digits[..length], out var named))
        {
            return new OriginalReference(named.Stan, named.Mti - (named.Mti % 2), named.TransmissionDateTime, Amount: 0, ByField90: true);
        }

        reversal.TryGetInt64(11, out var stan);
        reversal.TryGetInt64(7, out var sent);
        reversal.TryGetInt64(4, out var amount);
        return new OriginalReference((int)stan, MessageClass: 0, sent, amount, ByField90: false);
    }

    /// <summary>How well a request the terminal made, by its key within the terminal, fits: <see cref="NoMatch"/> to <see cref="ExactMatch"/>.</summary>
    public int Rank(DuplicateKey candidate)
    {
        if (candidate.Stan != Stan)
        {
            return NoMatch;
        }

        if (ByField90)
        {
            return candidate.MessageClass == MessageClass && candidate.TransmissionDateTime == TransmissionDateTime ? ExactMatch : NoMatch;
        }

        if (Amount != 0 && candidate.Amount != Amount)
        {
            return NoMatch;
        }

        return candidate.TransmissionDateTime == TransmissionDateTime ? ExactMatch : StanMatch;
    }

    public override string ToString() => ByField90
        ? string.Create(CultureInfo.InvariantCulture, $"original {MessageClass:D4} STAN {Stan:D6} at {TransmissionDateTime:D10} (field 90)")
        : string.Create(CultureInfo.InvariantCulture, $"original STAN {Stan:D6} (field 11)");
}
