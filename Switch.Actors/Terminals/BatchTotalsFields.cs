using System.Globalization;
using Switch.Actors.Events;
using Switch.Protocol.Iso8583;

namespace Switch.Actors.Terminals;

/// <summary>
/// Where batch totals travel in an 0500/0510 (ISO 8583:1987): the counts in fields 74-77 and the
/// amounts, in minor units, in 86-89, credits then debits, each with its reversals. A purchase is a
/// debit to the cardholder, so the terminal's sales are 76 and 88 and their reversals 77 and 89.
/// Field 97 (net settlement), optional, is D and the net of debits less credits when that is not
/// negative, C and its magnitude when it is.
/// </summary>
internal static class BatchTotalsFields
{
    public const int NetSettlement = 97;

    /// <summary>The eight totals in field order, which is also the order a reply writes them in.</summary>
    public static IReadOnlyList<BatchCounter> Counters { get; } =
    [
        new(74, "credits number", t => t.CreditsNumber, (t, v) => t.CreditsNumber = v),
        new(75, "credits reversal number", t => t.CreditsReversalNumber, (t, v) => t.CreditsReversalNumber = v),
        new(76, "debits number", t => t.DebitsNumber, (t, v) => t.DebitsNumber = v),
        new(77, "debits reversal number", t => t.DebitsReversalNumber, (t, v) => t.DebitsReversalNumber = v),
        new(86, "credits amount", t => t.CreditsAmount, (t, v) => t.CreditsAmount = v),
        new(87, "credits reversal amount", t => t.CreditsReversalAmount, (t, v) => t.CreditsReversalAmount = v),
        new(88, "debits amount", t => t.DebitsAmount, (t, v) => t.DebitsAmount = v),
        new(89, "debits reversal amount", t => t.DebitsReversalAmount, (t, v) => t.DebitsReversalAmount = v),
    ];

    /// <summary>
    /// The terminal's totals from its 0500: all eight must be present (the codec has already refused
    /// any that is not numeric), field 97 may be.
    /// </summary>
    /// <param name="missing">The first absent field, for the log; 0 when all are there.</param>
    public static bool TryRead(in IsoMessage message, out BatchTotals totals, out int missing)
    {
        totals = new BatchTotals();
        foreach (var counter in Counters)
        {
            if (!message.TryGetInt64(counter.Field, out var value))
            {
                missing = counter.Field;
                return false;
            }

            counter.Set(totals, value);
        }

        totals.NetSettlement = message.Has(NetSettlement) ? message.GetString(NetSettlement) : string.Empty;
        missing = 0;
        return true;
    }

    /// <summary>Writes 74-77, 86-89 and, when the totals carry one, 97; call where those fields fall in order.</summary>
    public static void Write(ref IsoMessageWriter writer, BatchTotals totals)
    {
        foreach (var counter in Counters)
        {
            writer.WriteNumber(counter.Field, counter.Get(totals));
        }

        if (totals.NetSettlement.Length > 0)
        {
            writer.Write(NetSettlement, totals.NetSettlement);
        }
    }

    /// <summary>Debits less credits, each net of its reversals: what field 97 states, signed.</summary>
    public static long Net(BatchTotals totals) =>
        totals.DebitsAmount - totals.DebitsReversalAmount - (totals.CreditsAmount - totals.CreditsReversalAmount);

    /// <summary>Field 97 as a signed number (D positive, C negative); the codec has checked its sign and digits.</summary>
    public static long ParseNet(string field97) =>
        (field97[0] == 'C' ? -1 : 1) * long.Parse(field97.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
}

/// <summary>One of the eight totals: its field, its name in logs, and where it lives in <see cref="BatchTotals"/>.</summary>
internal sealed record BatchCounter(int Field, string Name, Func<BatchTotals, long> Get, Action<BatchTotals, long> Set);
