using Akka.Actor;
using Akka.Event;
using Switch.Actors.Events;
using Switch.Actors.Reversals;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583;

namespace Switch.Actors.Terminals;

/// <summary>
/// Reversals from the terminal (0400, and its repeat 0401, alike): the original is found by field 90,
/// else by the STAN the terminal repeats, and reversed at the acquirer it may have reached, through
/// that acquirer's store-and-forward queue. The 0410 says 00 only once the reversal is durable there,
/// or when nothing needs reversing (the original never left, or is reversed already).
/// </summary>
public sealed partial class TerminalActor
{
    private void Reversal(TerminalRequest request, in IsoMessage message)
    {
        if (!DuplicateKey.TryCreate(in message, out var key))
        {
            _log.Warning("Terminal {0}: reversal without a usable STAN or TID answered 30", _tid);
            Reply(request, ReplyBuilder.Build(in message, ResponseCodes.FormatError));
            return;
        }

        var now = Now;
        if (_state.TryGetReversalAnswered(key, now.ToUnixTimeMilliseconds(), out var done))
        {
            Reply(request, ReplyBuilder.Build(in message, done.ResponseCode, done.Rrn));
            return;
        }

        if (_state.TryGetReversalInFlight(key, out var live))
        {
            live.Join(request);
            if (live.Stage == ReversalStage.AwaitingQueue)
            {
                // The terminal is still waiting, so the queue's answer may have been lost: asking
                // again is harmless, the queue dedups by RRN.
                AskQueue(live);
            }

            return;
        }

        // No sign-on check: a reversal only ever takes money back, and a terminal that signed off
        // may still hold a transaction it never heard the answer to.
        var reversal = new ReversalInFlight(key, RequestIdentities.From(in message), request);
        _state.BeginReversal(reversal);
        var validation = _settings.Validator.Validate(in message, now);
        if (!validation.Passed)
        {
            _log.Info("Terminal {0}: reversal STAN {1} answered {2}: {3}", _tid, key.Stan, validation.ResponseCode, validation.Reason);
            Conclude(reversal, TerminalReversalOutcome.Rejected, validation.ResponseCode);
            return;
        }

        var reference = OriginalReference.Of(in message);
        var original = _state.FindOriginal(reference, now.ToUnixTimeMilliseconds());
        reversal.Rrn = original.Rrn;
        switch (original.Status)
        {
            case OriginalStatus.InFlight:
                _log.Info("Terminal {0}: reversal of {1}, still in flight, waits for its outcome", _tid, original.Rrn);
                reversal.Stage = ReversalStage.AwaitingOriginal;
                break;
            case OriginalStatus.Sent:
                Reverse(reversal, original.Reversible!);
                break;
            case OriginalStatus.NotSent:
                _log.Info("Terminal {0}: reversal of {1}, which never left the switch, acknowledged", _tid, original.Rrn);
                Conclude(reversal, TerminalReversalOutcome.NotSent, ResponseCodes.Approved);
                break;
            default:
                _log.Warning("Terminal {0}: reversal STAN {1} names no transaction the terminal remembers ({2}): answered 25", _tid, key.Stan, reference);
                Conclude(reversal, TerminalReversalOutcome.Rejected, ResponseCodes.UnableToLocateOriginal);
                break;
        }
    }

    /// <summary>The original may have reached its acquirer: reverse it there, once.</summary>
    private void Reverse(ReversalInFlight reversal, ReversibleTransaction original)
    {
        if (original.Reversed)
        {
            _log.Info("Terminal {0}: reversal of {1}, already reversed, acknowledged", _tid, reversal.Rrn);
            Conclude(reversal, TerminalReversalOutcome.AlreadyReversed, ResponseCodes.Approved);
            return;
        }

        reversal.Original = original.Started;
        reversal.Stage = ReversalStage.AwaitingQueue;
        AskQueue(reversal);
    }

    private void AskQueue(ReversalInFlight reversal)
    {
        var original = reversal.Original!;
        if (_settings.ReversalQueues(original.Acquirer) is { } queue)
        {
            queue.Tell(new QueueReversal(original));
            return;
        }

        _log.Error("Terminal {0}: reversal of {1}, which went to {2}, no longer configured: answered 96", _tid, original.Rrn, original.Acquirer);
        Conclude(reversal, TerminalReversalOutcome.Refused, ResponseCodes.SystemMalfunction);
    }

    /// <summary>The queue holds the reversal of <paramref name="rrn"/> durably: the reversals waiting for that are answered 00.</summary>
    private void ReversalDurable(string rrn)
    {
        foreach (var reversal in _state.ReversalsOf(rrn, ReversalStage.AwaitingQueue))
        {
            Conclude(reversal, TerminalReversalOutcome.Queued, ResponseCodes.Approved);
        }
    }

    private void ReversalNotQueued(ReversalRefused refused)
    {
        foreach (var reversal in _state.ReversalsOf(refused.Rrn, ReversalStage.AwaitingQueue))
        {
            _log.Error("Terminal {0}: the reversal of {1} the terminal asked for was refused by the queue ({2}): answered 96", _tid, refused.Rrn, refused.Reason);
            Conclude(reversal, TerminalReversalOutcome.Refused, ResponseCodes.SystemMalfunction);
        }
    }

    /// <summary>
    /// The outcome of an original that reversals were waiting for is durable (and its own requests
    /// answered): they go on as if the original had been found complete.
    /// </summary>
    private void ReverseOnCompletion(TransactionCompleted completed)
    {
        foreach (var reversal in _state.ReversalsOf(completed.Rrn, ReversalStage.AwaitingOriginal))
        {
            if (_state.TryGetReversible(completed.Rrn, out var original))
            {
                Reverse(reversal, original);
            }
            else
            {
                Conclude(reversal, TerminalReversalOutcome.NotSent, ResponseCodes.Approved);
            }
        }
    }

    /// <summary>Journals the reversal's outcome, then answers everyone waiting for its 0410.</summary>
    private void Conclude(ReversalInFlight reversal, TerminalReversalOutcome outcome, string code)
    {
        reversal.Stage = ReversalStage.Journaling;
        var completed = new TerminalReversalCompleted
        {
            Rrn = reversal.Rrn,
            Request = reversal.Request,
            Outcome = outcome,
            ResponseCode = code,
            AtUnixMs = NowUnixMs,
            Acquirer = reversal.Original?.Acquirer ?? string.Empty,
            BatchAmountMinor = _state.TakeFromBatch(reversal.Rrn, outcome),
        };
        object @event = reversal.Rrn.Length > 0 ? Tag(completed, reversal.Rrn) : completed;
        PersistAsync(@event, _ =>
        {
            _state.ReversalCompleted(completed, NowUnixMs);
            TerminalMetrics.ReversalCompleted(completed);
            foreach (var waiting in reversal.Waiting)
            {
                var message = IsoMessage.Parse(waiting.Message, _settings.Profile);
                Reply(waiting, ReplyBuilder.Build(in message, code, completed.Rrn));
            }

            _state.EndReversal(reversal.Key);
            SnapshotWhenDue();
            StopWhenIdle();
        });
    }
}
