using Switch.Actors.Events;
using Switch.Actors.Transactions;

namespace Switch.Actors.Terminals;

/// <summary>
/// A terminal's open batch as the switch counts it, and its recent closes. The batch is what the
/// terminal was told: a sale counts once its 00 is journaled (the terminal hears nothing before
/// that), a reversal once its 0410 with 00 is, and only the first reversal of a sale that was
/// approved (a sale answered 68 was never the terminal's, whoever reverses it). Everything here is
/// rebuilt from the events alone, so replay counts exactly what was counted live.
/// </summary>
internal sealed class TerminalBatch(TimeSpan duplicateWindow, int duplicateLimit)
{
    private readonly AnswerWindow<BatchClosed> _closes = new(duplicateWindow, duplicateLimit);
    private long _sales;
    private long _salesAmount;
    private long _reversals;
    private long _reversalsAmount;
    private long _closed;

    /// <summary>The switch's number of the open batch: one more than the batches closed.</summary>
    public long Number => _closed + 1;

    /// <summary>The open batch's totals; a new message each time, as a snapshot or an event may keep it.</summary>
    public BatchTotals Totals => new()
    {
        DebitsNumber = _sales,
        DebitsAmount = _salesAmount,
        DebitsReversalNumber = _reversals,
        DebitsReversalAmount = _reversalsAmount,
    };

    /// <summary>A sale the terminal heard approved: an acquirer's 00 (0100 or 0200, both purchases here).</summary>
    public static bool IsApprovedSale(TransactionCompleted completed) =>
        completed.Outcome == Outcome.Answered && completed.ResponseCode == ResponseCodes.Approved;

    public void Completed(TransactionCompleted completed)
    {
        if (IsApprovedSale(completed))
        {
            _sales++;
            _salesAmount += completed.Request.AmountMinor;
        }
    }

    /// <summary>A reversal's outcome: it counts when it took an approved sale out of the batch (decided as it was journaled).</summary>
    public void Reversed(TerminalReversalCompleted completed)
    {
        if (completed.BatchAmountMinor > 0)
        {
            _reversals++;
            _reversalsAmount += completed.BatchAmountMinor;
        }
    }

    /// <summary>
    /// Closes the batch: what the close recorded leaves the open batch, and no more, so whatever was
    /// counted after the switch's totals were taken stays, for the next batch.
    /// </summary>
    public void Close(BatchClosed closed, long nowUnixMs)
    {
        var counted = closed.SwitchTotals;
        _sales -= counted.DebitsNumber;
        _salesAmount -= counted.DebitsAmount;
        _reversals -= counted.DebitsReversalNumber;
        _reversalsAmount -= counted.DebitsReversalAmount;
        _closed = closed.BatchNumber;
        _closes.Remember(TerminalState.KeyOf(closed.Request), closed.AtUnixMs, closed, nowUnixMs);
    }

    /// <summary>The close an exact retransmission of a recent 0500 gets again.</summary>
    public bool TryGetClosed(DuplicateKey key, long nowUnixMs, out BatchClosed closed) =>
        _closes.TryGet(key.InTerminal, nowUnixMs, out closed);

    public void WriteTo(TerminalSnapshot snapshot)
    {
        snapshot.OpenBatch = Totals;
        snapshot.BatchesClosed = _closed;
        snapshot.RecentBatches.AddRange(_closes.Answers);
    }

    public void Restore(TerminalSnapshot snapshot, long nowUnixMs)
    {
        // A snapshot from before batches existed has none open: the batch counts from there.
        var open = snapshot.OpenBatch ?? new BatchTotals();
        (_sales, _salesAmount) = (open.DebitsNumber, open.DebitsAmount);
        (_reversals, _reversalsAmount) = (open.DebitsReversalNumber, open.DebitsReversalAmount);
        _closed = snapshot.BatchesClosed;
        foreach (var closed in snapshot.RecentBatches)
        {
            _closes.Remember(TerminalState.KeyOf(closed.Request), closed.AtUnixMs, closed, nowUnixMs);
        }
    }
}
