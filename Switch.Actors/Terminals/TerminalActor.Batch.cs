using Akka.Event;
using Akka.Persistence.Journal;
using Switch.Actors.Events;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583;

namespace Switch.Actors.Terminals;

/// <summary>
/// Batch reconciliation (0500/0510): the terminal's totals against the switch's count of its open
/// batch. Equal, 00; different, 95 with each difference logged; either way the batch closes and the
/// next one counts from zero. The close is durable before the terminal hears the 0510.
/// </summary>
public sealed partial class TerminalActor
{
    /// <summary>Tag of every batch close, so a settlement report finds them all.</summary>
    public const string BatchTag = "batch";

    /// <summary>Also tags a close that did not balance: the ones an operator follows up.</summary>
    public const string UnbalancedBatchTag = "batch:unbalanced";

    private void Batch(TerminalRequest request, in IsoMessage message)
    {
        if (!DuplicateKey.TryCreate(in message, out var key))
        {
            _log.Warning("Terminal {0}: batch close without a usable STAN answered 30", _tid);
            Reply(request, ReplyBuilder.Build(in message, ResponseCodes.FormatError));
            return;
        }

        var nowUnixMs = NowUnixMs;
        if (_state.TryGetBatchClosed(key, nowUnixMs, out var answered))
        {
            Reply(request, BatchReply.Build(in message, answered));
            return;
        }

        if (!_state.SignedOn)
        {
            _log.Info("Terminal {0}: batch close before sign-on answered 58; the batch stays open", _tid);
            Reply(request, ReplyBuilder.Build(in message, ResponseCodes.NotPermittedToTerminal));
            return;
        }

        if (!BatchTotalsFields.TryRead(in message, out var terminalTotals, out var missing))
        {
            _log.Warning("Terminal {0}: batch close without field {1} answered 30; the batch stays open", _tid, missing);
            Reply(request, ReplyBuilder.Build(in message, ResponseCodes.FormatError));
            return;
        }

        var (number, switchTotals) = _state.OpenBatch;
        var differences = BatchDifference.Between(terminalTotals, switchTotals);
        var closed = new BatchClosed
        {
            BatchNumber = number,
            Request = RequestIdentities.From(in message),
            SwitchTotals = switchTotals,
            TerminalTotals = terminalTotals,
            Balanced = differences.Count == 0,
            ResponseCode = differences.Count == 0 ? ResponseCodes.Approved : ResponseCodes.ReconcileError,
            AtUnixMs = nowUnixMs,
        };
        var reply = BatchReply.Build(in message, closed);

        // Persist, not PersistAsync: commands wait until the close is applied, so a retransmitted or a
        // second 0500 meets the closed batch, never the one being closed. Outcomes whose events were
        // already on their way are applied after it and stay in the next batch (see BatchClosed).
        Persist(new Tagged(closed, closed.Balanced ? [BatchTag] : [BatchTag, UnbalancedBatchTag]), _ =>
        {
            _state.BatchClosed(closed, NowUnixMs);
            BatchMetrics.Closed(closed);
            if (closed.Balanced)
            {
                _log.Info("Terminal {0}: batch {1} closed in balance: {2} sales, {3} reversals", _tid, number, switchTotals.DebitsNumber, switchTotals.DebitsReversalNumber);
            }
            else
            {
                _log.Warning("Terminal {0}: batch {1} closed out of balance, answered 95: {2}", _tid, number, string.Join("; ", differences));
            }

            Reply(request, reply);
            SnapshotWhenDue();
        });
    }
}
