using System.Globalization;
using Switch.Traffic.Acquirer;
using Switch.Traffic.Generator.Recovery;

namespace Switch.Tests.Host.Chaos;

/// <summary>
/// The three views of a crash run, reconciled: what the terminals heard (the generator's outcomes),
/// what the switch made durable (its journal's approved outcomes, by RRN) and what the acquirer did
/// (the simulator's ledger). Each count is a broken promise and must be zero.
/// </summary>
internal static class CrashReconciliation
{
    private const string Approved = "00";

    public static CrashCounts Reconcile(IReadOnlyList<RequestOutcome> outcomes, IReadOnlyList<LedgerEntry> ledger, IReadOnlySet<string> journaledApprovals)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(journaledApprovals);
        var approvals = ledger.Where(e => e.Mti is "0100" or "0200" && e.ResponseCode == Approved).ToList();
        return new CrashCounts(
            HeardNotJournaled: [.. outcomes.Where(o => o.ResponseCode == Approved && (o.Rrn is null || !journaledApprovals.Contains(o.Rrn))).Select(Describe)],
            UnheardNotReversed: UnheardNotReversed(outcomes, ledger, approvals),
            AuthorizedTwice: AuthorizedTwice(outcomes, approvals),
            Unresolved: [.. outcomes.Where(o => o.Unresolved).Select(Describe)]);
    }

    /// <summary>Approvals at the acquirer that no terminal heard as that approval (same TID, STAN and RRN) and no answered 0400/0401 reversed.</summary>
    private static List<string> UnheardNotReversed(IReadOnlyList<RequestOutcome> outcomes, IReadOnlyList<LedgerEntry> ledger, List<LedgerEntry> approvals)
    {
        var heard = outcomes.Where(o => o.ResponseCode == Approved).Select(o => (o.Tid, o.Stan, o.Rrn)).ToHashSet();
        var reversed = ledger.Where(e => e.IsReversal && e.ResponseCode is not null && e.Rrn is not null).Select(e => e.Rrn!).ToHashSet(StringComparer.Ordinal);
        return [.. approvals
            .Where(a => !heard.Contains((a.Tid ?? string.Empty, Stan(a), a.Rrn)) && (a.Rrn is null || !reversed.Contains(a.Rrn)))
            .Select(Describe)];
    }

    /// <summary>
    /// Approvals repeating an earlier one's RRN, or its request (TID, STAN and field 7; the ledger has
    /// no field 7, so it comes from the terminal's outcome for that TID and STAN, which a run never reuses).
    /// </summary>
    private static List<string> AuthorizedTwice(IReadOnlyList<RequestOutcome> outcomes, List<LedgerEntry> approvals)
    {
        var sentAt = outcomes.GroupBy(o => (o.Tid, o.Stan)).ToDictionary(g => g.Key, g => g.First().TransmissionTime);
        var rrns = new HashSet<string>(StringComparer.Ordinal);
        var requests = new HashSet<(string Tid, int Stan, string Sent)>();
        var twice = new List<string>();
        foreach (var approval in approvals)
        {
            var tid = approval.Tid ?? string.Empty;
            var stan = Stan(approval);
            var request = (tid, stan, sentAt.GetValueOrDefault((tid, stan), string.Empty));
            var newRrn = approval.Rrn is null || rrns.Add(approval.Rrn);
            var newRequest = requests.Add(request);
            if (!newRrn || !newRequest)
            {
                twice.Add(Describe(approval));
            }
        }

        return twice;
    }

    private static int Stan(LedgerEntry entry) => int.TryParse(entry.Stan, NumberStyles.None, CultureInfo.InvariantCulture, out var stan) ? stan : -1;

    private static string Describe(RequestOutcome o) => $"{o.Tid} STAN {o.Stan} field 7 {o.TransmissionTime} heard {o.ResponseCode ?? "nothing"} RRN {o.Rrn ?? "-"} reversal {o.ReversalCode ?? "-"} after {o.Sends} sends";

    private static string Describe(LedgerEntry e) => $"{e.Mti} {e.Tid} STAN {e.Stan} RRN {e.Rrn} amount {e.Amount} answered {e.ResponseCode}";
}

/// <summary>What a crash run broke, each item described for a failing test's message; every list must be empty.</summary>
/// <param name="HeardNotJournaled">(1) approvals a terminal heard whose RRN has no approved outcome in the journal.</param>
/// <param name="UnheardNotReversed">(2) acquirer approvals no terminal heard and no answered reversal took back.</param>
/// <param name="AuthorizedTwice">(3) approvals at the acquirer repeating an earlier one's request or RRN.</param>
/// <param name="Unresolved">Requests whose terminal heard neither an answer nor its reversal's by the end.</param>
internal sealed record CrashCounts(IReadOnlyList<string> HeardNotJournaled, IReadOnlyList<string> UnheardNotReversed, IReadOnlyList<string> AuthorizedTwice, IReadOnlyList<string> Unresolved)
{
    public bool Clean => HeardNotJournaled.Count == 0 && UnheardNotReversed.Count == 0 && AuthorizedTwice.Count == 0 && Unresolved.Count == 0;

    public override string ToString() =>
        $"heard but not journaled {HeardNotJournaled.Count}, unheard and unreversed {UnheardNotReversed.Count}, authorized twice {AuthorizedTwice.Count}, unresolved {Unresolved.Count}"
        + string.Concat(HeardNotJournaled.Concat(UnheardNotReversed).Concat(AuthorizedTwice).Concat(Unresolved).Take(20).Select(line => "\n  " + line));
}
