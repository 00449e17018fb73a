using Switch.Traffic.Acquirer;
using Switch.Traffic.Generator.Recovery;

namespace Switch.Tests.Host.Chaos;

public sealed class CrashReconciliationTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_run_where_the_three_views_agree_counts_nothing()
    {
        RequestOutcome[] outcomes =
        [
            Heard("T0000001", 2, "00", "633400000001"),
            // Caught by a kill: the retransmission after the restart heard the 68 the recovery journaled.
            Heard("T0000001", 3, "68", "633400000002") with { Sends = 2 },
            // Never answered: the terminal's 0400 reversed it.
            new("T0000002", 2, "0200", "1129120000", 1000, 4, null, "633400000003", "00"),
        ];
        LedgerEntry[] ledger =
        [
            Entry("0200", "T0000001", 2, "633400000001", "00"),
            Entry("0200", "T0000001", 3, "633400000002", "00"),
            Entry("0401", "T0000001", 3, "633400000002", "00"),
            Entry("0200", "T0000002", 2, "633400000003", "00"),
            Entry("0400", "T0000002", 2, "633400000003", "00"),
        ];

        var counts = CrashReconciliation.Reconcile(outcomes, ledger, Journaled("633400000001"));

        Assert.True(counts.Clean, counts.ToString());
    }

    [Fact]
    public void An_approval_heard_whose_outcome_the_journal_lacks_is_counted()
    {
        var counts = CrashReconciliation.Reconcile(
            [Heard("T0000001", 2, "00", "633400000001"), Heard("T0000001", 3, "00", "633400000002")],
            [Entry("0200", "T0000001", 2, "633400000001", "00"), Entry("0200", "T0000001", 3, "633400000002", "00")],
            Journaled("633400000001"));

        Assert.Contains("STAN 3", Assert.Single(counts.HeardNotJournaled), StringComparison.Ordinal);
        Assert.Empty(counts.UnheardNotReversed);
        Assert.Empty(counts.AuthorizedTwice);
    }

    [Fact]
    public void An_approval_the_terminal_did_not_hear_is_counted_until_an_answered_reversal_names_it()
    {
        RequestOutcome[] outcomes = [Heard("T0000001", 2, "68", "633400000001")];
        List<LedgerEntry> ledger = [Entry("0200", "T0000001", 2, "633400000001", "00")];
        Assert.Single(CrashReconciliation.Reconcile(outcomes, ledger, Journaled()).UnheardNotReversed);

        // Sent but not answered yet: the queue has not delivered it.
        ledger.Add(Entry("0400", "T0000001", 2, "633400000001", null));
        Assert.Single(CrashReconciliation.Reconcile(outcomes, ledger, Journaled()).UnheardNotReversed);

        ledger.Add(Entry("0401", "T0000001", 2, "633400000001", "00"));
        Assert.Empty(CrashReconciliation.Reconcile(outcomes, ledger, Journaled()).UnheardNotReversed);
    }

    [Fact]
    public void An_approval_heard_under_another_RRN_is_not_the_approval_heard()
    {
        var counts = CrashReconciliation.Reconcile(
            [Heard("T0000001", 2, "00", "633400000009")],
            [Entry("0200", "T0000001", 2, "633400000001", "00")],
            Journaled("633400000009"));

        Assert.Single(counts.UnheardNotReversed);
    }

    [Fact]
    public void Declines_and_unanswered_requests_at_the_acquirer_need_no_reversal()
    {
        var counts = CrashReconciliation.Reconcile(
            [Heard("T0000001", 2, "51", "633400000001"), Heard("T0000001", 3, "68", "633400000002")],
            [Entry("0200", "T0000001", 2, "633400000001", "51"), Entry("0200", "T0000001", 3, "633400000002", null)],
            Journaled());

        Assert.True(counts.Clean, counts.ToString());
    }

    [Fact]
    public void A_request_approved_twice_is_counted_by_its_identity_and_by_its_RRN()
    {
        var counts = CrashReconciliation.Reconcile(
            [Heard("T0000001", 2, "00", "633400000001"), Heard("T0000001", 3, "00", "633400000003")],
            [
                Entry("0200", "T0000001", 2, "633400000001", "00"),
                // The same request again under a new RRN (a retransmission taken for a new request).
                Entry("0200", "T0000001", 2, "633400000002", "00"),
                Entry("0200", "T0000001", 3, "633400000003", "00"),
                // Another request under an RRN already authorized.
                Entry("0200", "T0000002", 7, "633400000003", "00"),
                // A decline repeated is no second authorization.
                Entry("0200", "T0000003", 4, "633400000004", "05"),
                Entry("0200", "T0000003", 4, "633400000004", "05"),
            ],
            Journaled("633400000001", "633400000003"));

        Assert.Equal(2, counts.AuthorizedTwice.Count);
        Assert.Contains("RRN 633400000002", counts.AuthorizedTwice[0], StringComparison.Ordinal);
        Assert.Contains("T0000002", counts.AuthorizedTwice[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_left_unresolved_is_reported()
    {
        var counts = CrashReconciliation.Reconcile([new("T0000001", 2, "0200", "1129120000", 1000, 4, null, null, null)], [], Journaled());

        Assert.False(counts.Clean);
        Assert.Single(counts.Unresolved);
    }

    private static RequestOutcome Heard(string tid, int stan, string code, string rrn) =>
        new(tid, stan, "0200", "1129120000", 1000, 1, code, rrn, null);

    private static LedgerEntry Entry(string mti, string tid, int stan, string rrn, string? code) =>
        new(At, mti, stan.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), rrn, tid, 1000, code);

    private static HashSet<string> Journaled(params string[] rrns) => [.. rrns];
}
