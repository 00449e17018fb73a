using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Switch.Actors.Events;
using Switch.Actors.Fees;
using Switch.Actors.Registry;
using Switch.Actors.Terminals;
using Switch.Host.Admin;

namespace Switch.Tests.Host.Admin;

/// <summary>The merchant's statement over ledger lines: its period, its order, totals that add up.</summary>
public sealed class FeeStatementTests
{
    private static readonly DateTimeOffset June = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset July = June.AddMonths(1);
    private static readonly Merchant Shop = new("M1", "Shop", "5411", "CN", ChallengePolicy.Risk, "std");

    private static readonly FeeLine[] Lines =
    [
        new("000000000002", June.AddDays(2), 125_000, new FeeBreakdown("std", 2, FeeInstrument.Qr, 475, 500, -25)),
        new("000000000001", June.AddDays(1), 1_250, new FeeBreakdown("std", 1, FeeInstrument.Card, 8, 7, 1)),
        new("000000000003", June.AddDays(2), 999_999_999_999, new FeeBreakdown("std", 2, FeeInstrument.Card, 6_000_000_000, 5_000_000_000, 1_000_000_000)),
    ];

    [Fact]
    public void The_lines_are_in_time_order_and_the_totals_add_up()
    {
        var statement = FeeStatement.Build("M1", June, July, Lines);

        Assert.Equal(["000000000001", "000000000002", "000000000003"], statement.Transactions.Select(t => t.Rrn));
        Assert.Equal(new FeeStatementTotals(3, 1_000_000_126_249, 6_000_000_483, 5_000_000_507, 999_999_976), statement.Totals);
        Assert.Equal(statement.Totals.Fee - statement.Totals.AcquirerCost, statement.Totals.Margin);
        Assert.Equal(
            new FeeStatementLine("000000000002", new DateTime(2026, 6, 3, 0, 0, 0, DateTimeKind.Utc), 125_000, "qr", "std", 2, 475, 500, -25),
            statement.Transactions[1]);
        Assert.Equal((new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), DateTimeKind.Utc), (statement.From, statement.From.Kind));
    }

    [Fact]
    public async Task The_endpoint_asks_the_ledger_for_the_merchant_s_period_and_answers_the_statement()
    {
        var ledger = new FakeLedger(Lines);

        var result = await FeeStatementEndpoint.GetAsync("M1", "2026-06-01T08:00:00+08:00", "2026-07-01T00:00:00Z", Directory(), ledger, CancellationToken.None);

        var ok = Assert.IsType<Ok<FeeStatement>>(result);
        Assert.Equal<(string, DateTimeOffset, DateTimeOffset)?>(("M1", June, July), ledger.Asked);
        Assert.Equal(3, ok.Value!.Totals.Count);
    }

    [Theory]
    [InlineData("M9", "2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z", StatusCodes.Status404NotFound)]
    [InlineData("M1", null, "2026-07-01T00:00:00Z", StatusCodes.Status400BadRequest)]
    [InlineData("M1", "2026-06-01T00:00:00Z", "2026-06-01", StatusCodes.Status400BadRequest)]
    [InlineData("M1", "2026-07-01T00:00:00Z", "2026-06-01T00:00:00Z", StatusCodes.Status400BadRequest)]
    public async Task An_unknown_merchant_or_a_malformed_period_does_not_reach_the_ledger(string mid, string? from, string? to, int status)
    {
        var ledger = new FakeLedger(Lines);

        var result = await FeeStatementEndpoint.GetAsync(mid, from, to, Directory(), ledger, CancellationToken.None);

        Assert.Equal(status, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        Assert.Null(ledger.Asked);
    }

    [Fact]
    public void Only_an_approved_transaction_with_a_fee_is_a_ledger_line()
    {
        var fee = FeeRecords.ToRecord(new FeeBreakdown("std", 1, FeeInstrument.Qr, 38, 40, -2));
        var approved = new TransactionCompleted
        {
            Rrn = "000000000001",
            Request = new RequestIdentity { AmountMinor = 10_000 },
            Outcome = Outcome.Answered,
            ResponseCode = "00",
            AtUnixMs = June.ToUnixTimeMilliseconds(),
            Mid = "M1",
        };

        Assert.Equal(new FeeLine("000000000001", June, 10_000, new FeeBreakdown("std", 1, FeeInstrument.Qr, 38, 40, -2)), FeeLedgerJournal.Line(approved, fee));
        Assert.Null(FeeLedgerJournal.Line(approved, fee: null));
        Assert.Null(FeeLedgerJournal.Line(new TransactionCompleted(approved) { ResponseCode = "05" }, fee));
        Assert.Null(FeeLedgerJournal.Line(new TransactionCompleted(approved) { Outcome = Outcome.DeclinedLocally }, fee));
    }

    private static TerminalDirectory Directory() => new([Shop], []);

    private sealed class FakeLedger(IReadOnlyList<FeeLine> lines) : IFeeLedgerSource
    {
        public (string Mid, DateTimeOffset From, DateTimeOffset To)? Asked { get; private set; }

        public Task<IReadOnlyList<FeeLine>> ReadAsync(string mid, DateTimeOffset periodStart, DateTimeOffset periodEnd, CancellationToken cancellation)
        {
            Asked = (mid, periodStart, periodEnd);
            return Task.FromResult(lines);
        }
    }
}
