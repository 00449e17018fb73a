using Switch.Actors.Fees;

namespace Switch.Host.Admin;

/// <summary>One approved transaction on a merchant's statement; money in minor units.</summary>
public sealed record FeeStatementLine(string Rrn, DateTime At, long Amount, string Instrument, string FeePlan, int FeePlanVersion, long Fee, long AcquirerCost, long Margin);

/// <summary>The statement's sums; money in minor units.</summary>
public sealed record FeeStatementTotals(int Count, long Amount, long Fee, long AcquirerCost, long Margin);

/// <summary>
/// A merchant's fee statement for [<paramref name="From"/>, <paramref name="To"/>): each approved
/// transaction with its amount, fee, the acquirer's cost and the switch's margin, in time order, and
/// their totals.
/// </summary>
public sealed record FeeStatement(string Mid, DateTime From, DateTime To, IReadOnlyList<FeeStatementLine> Transactions, FeeStatementTotals Totals)
{
    public static FeeStatement Build(string mid, DateTimeOffset from, DateTimeOffset to, IEnumerable<FeeLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var shown = lines
            .OrderBy(line => line.At)
            .ThenBy(line => line.Rrn, StringComparer.Ordinal)
            .Select(line => new FeeStatementLine(
                line.Rrn,
                FeeInstants.Utc(line.At),
                line.AmountMinor,
                FeeRecords.Name(line.Fee.Instrument),
                line.Fee.PlanId,
                line.Fee.Version,
                line.Fee.FeeMinor,
                line.Fee.AcquirerCostMinor,
                line.Fee.MarginMinor))
            .ToList();
        return new FeeStatement(mid, FeeInstants.Utc(from), FeeInstants.Utc(to), shown, Sum(shown));
    }

    /// <summary>Checked: a total past a long is an error, never a wrapped number.</summary>
    private static FeeStatementTotals Sum(List<FeeStatementLine> lines)
    {
        long amount = 0, fee = 0, cost = 0, margin = 0;
        foreach (var line in lines)
        {
            amount = checked(amount + line.Amount);
            fee = checked(fee + line.Fee);
            cost = checked(cost + line.AcquirerCost);
            margin = checked(margin + line.Margin);
        }

        return new FeeStatementTotals(lines.Count, amount, fee, cost, margin);
    }
}
