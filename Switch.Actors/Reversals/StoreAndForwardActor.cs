using System.Globalization;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Switch.Actors.Acquirers;
using Switch.Actors.Events;
using Switch.Actors.Terminals;
using Switch.Protocol.Iso8583;

namespace Switch.Actors.Reversals;

/// <summary>
/// One acquirer's store-and-forward reversal queue (one per acquirer in the whole cluster). A reversal is
/// journaled before it is accepted, sent through the acquirer's link while the link is up (0400,
/// then 0401 once an attempt may have reached the acquirer), repeated with a backoff of its own
/// until the acquirer answers, whatever the answer, and only then forgotten. At most
/// <see cref="StoreAndForwardSettings.MaxInFlight"/> await the acquirer at once, oldest first.
/// Events are tagged <c>rrn:{RRN}</c>, as the terminal's are, so a transaction's history shows its reversal.
/// </summary>
public sealed class StoreAndForwardActor : ReceivePersistentActor, IWithTimers
{
    private readonly StoreAndForwardSettings _settings;
    private readonly IActorRef _link;
    private readonly ReversalQueueState _state;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private bool _linkUp;

    public StoreAndForwardActor(StoreAndForwardSettings settings, IActorRef link)
    {
        _settings = settings;
        _link = link;
        _state = new ReversalQueueState(settings.RetryMin, settings.RetryMax, settings.AnsweredMemory);
        Recover<SnapshotOffer>(offer => RestoreSnapshot((ReversalQueueSnapshot)offer.Snapshot));
        Recover<ReversalQueued>(Restore);
        Recover<ReversalAnswered>(answered => _state.Answered(answered, NowUnixMs));
        Recover<RecoveryCompleted>(_ => _log.Info("Reversals {0}: {1} pending after recovery", Acquirer, _state.PendingCount));
        Command<QueueReversal>(Queue);
        Command<AcquirerLinkStatus>(LinkStatus);
        Command<AcquirerResponse>(Answered);
        Command<AcquirerTimedOut>(r => Failed(r.Key, "timed out", mayHaveReached: true));
        Command<AcquirerLinkLost>(r => Failed(r.Key, "lost with the link", mayHaveReached: true));
        Command<AcquirerUnavailable>(r => Failed(r.Key, "not sent: link unavailable", mayHaveReached: false));
        Command<AcquirerRejected>(r => Failed(r.Key, $"refused by the link ({r.Reason})", mayHaveReached: false));
        Command<RetryDue>(due =>
        {
            _state.Retry(due.Rrn);
            Dispatch();
        });
        // Recovery reads only the newest snapshot, so older ones go. The events stay: they are the
        // reversal's record in its transaction's history (found by the rrn tag).
        Command<SaveSnapshotSuccess>(saved => DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(failed => _log.Warning(failed.Cause, "Reversals {0}: snapshot at {1} failed; recovery replays more events", Acquirer, failed.Metadata.SequenceNr));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(failed => _log.Warning(failed.Cause, "Reversals {0}: deleting old snapshots failed", Acquirer));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public override string PersistenceId => $"reversals-{_settings.Acquirer}";

    private string Acquirer => _settings.Acquirer;

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    private static long NowUnixMs => Now.ToUnixTimeMilliseconds();

    /// <param name="settings">The queue's acquirer, the link's profile, retry and snapshot policy.</param>
    /// <param name="link">The acquirer's <see cref="AcquirerLinkActor"/> on this node.</param>
    public static Props Props(StoreAndForwardSettings settings, IActorRef link)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentException.ThrowIfNullOrEmpty(settings.Acquirer, nameof(settings));
        ArgumentNullException.ThrowIfNull(settings.Profile, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.RetryMin, TimeSpan.Zero, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.RetryMax, settings.RetryMin, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxInFlight, 1, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.SnapshotEvery, 1, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.AnsweredMemory, TimeSpan.Zero, nameof(settings));
        return Akka.Actor.Props.Create(() => new StoreAndForwardActor(settings, link));
    }

    protected override void PreStart()
    {
        base.PreStart();
        // Down until told otherwise. The link publishes only changes, so a queue (re)started after
        // the link came up asks for the present status; the answer and any later change both come
        // from the link, in order.
        Context.System.EventStream.Subscribe(Self, typeof(AcquirerLinkStatus));
        _link.Tell(GetLinkStatus.Instance);
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        base.PostStop();
    }

    /// <summary>
    /// The journal refused an event (it could not be stored) and the actor lives on: a refused
    /// ReversalQueued frees its RRN to be queued afresh; a refused ReversalAnswered still ends the
    /// reversal here (it was answered), though a restart will repeat it once.
    /// </summary>
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistRejected(cause, @event, sequenceNr);
        switch (@event is Tagged tagged ? tagged.Payload : @event)
        {
            case ReversalQueued queued:
                _state.Release(queued.Rrn);
                break;
            case ReversalAnswered answered:
                _state.Answered(answered, NowUnixMs);
                break;
        }
    }

    private void Queue(QueueReversal request)
    {
        var original = request.Original;
        var rrn = original.Rrn;
        if (_state.IsKnown(rrn))
        {
            // Accepted once its first ReversalQueued is durable, which may still be under way.
            var sender = Sender;
            DeferAsync(rrn, _ => sender.Tell(new ReversalAccepted(rrn)));
            return;
        }

        if (!string.Equals(original.Acquirer, Acquirer, StringComparison.Ordinal))
        {
            Refuse(rrn, "the transaction went to another acquirer");
            return;
        }

        var queued = new ReversalQueued
        {
            Rrn = rrn,
            Original = original.Request,
            ProcessingCode = original.ProcessingCode,
            Currency = original.Currency,
            Tid = original.Tid,
            Mid = original.Mid,
            Acquirer = original.Acquirer,
            AtUnixMs = NowUnixMs,
        };
        if (!ReversalMessage.TryKey(_settings.Profile, queued, out var key, out var reason))
        {
            Refuse(rrn, reason);
            return;
        }

        var pending = _state.Reserve(queued, key);
        var requester = Sender;
        PersistAsync(Tag(queued, rrn), _ =>
        {
            _state.Enqueued(pending);
            _log.Info("Reversals {0}: {1} queued; {2} pending", Acquirer, rrn, _state.PendingCount);
            requester.Tell(new ReversalAccepted(rrn));
            SnapshotWhenDue();
            Dispatch();
        });
    }

    private void Refuse(string rrn, string reason)
    {
        _log.Error("Reversals {0}: refused to queue {1}: {2}", Acquirer, rrn, reason);
        Sender.Tell(new ReversalRefused(rrn, reason));
    }

    private void LinkStatus(AcquirerLinkStatus status)
    {
        if (!string.Equals(status.Name, Acquirer, StringComparison.Ordinal) || status.IsUp == _linkUp)
        {
            return;
        }

        _linkUp = status.IsUp;
        _log.Info("Reversals {0}: link {1}; {2} pending", Acquirer, _linkUp ? "up" : "down", _state.PendingCount);
        Dispatch();
    }

    /// <summary>Sends the oldest ready reversals while the link is up and the in-flight limit allows.</summary>
    private void Dispatch()
    {
        if (!_linkUp)
        {
            return;
        }

        var now = Now;
        foreach (var pending in _state.Launch(_settings.MaxInFlight))
        {
            var message = ReversalMessage.Build(_settings.Profile, pending.Queued, pending.Repeat, now);
            var mti = pending.Repeat ? ReversalMessage.RepeatMti : ReversalMessage.FirstMti;
            _log.Info("Reversals {0}: {1} attempt {2} sent as {3}", Acquirer, pending.Rrn, pending.Attempts, mti.ToString("D4", CultureInfo.InvariantCulture));
            _link.Tell(new SendToAcquirer(message, Self));
        }
    }

    private void Answered(AcquirerResponse response)
    {
        if (!IsoMessage.TryParse(response.Message, _settings.Profile, out var message, out var error) ||
            !AcquirerMatchKey.TryRead(in message, out var key) ||
            !_state.TryLand(key, out var pending))
        {
            // The link hands over only answers it matched to this queue's requests.
            _log.Warning("Reversals {0}: ignored a response matching no reversal in flight ({1})", Acquirer, error?.Message ?? "unknown key");
            return;
        }

        var answered = new ReversalAnswered
        {
            Rrn = pending.Rrn,
            ResponseCode = message.GetString(39),
            Attempts = pending.Attempts,
            AtUnixMs = NowUnixMs,
        };
        PersistAsync(Tag(answered, answered.Rrn), _ =>
        {
            _state.Answered(answered, NowUnixMs);
            _log.Info("Reversals {0}: {1} answered {2} on attempt {3}; {4} pending", Acquirer, answered.Rrn, answered.ResponseCode, answered.Attempts, _state.PendingCount);
            SnapshotWhenDue();
        });
        Dispatch();
    }

    private void Failed(AcquirerMatchKey key, string outcome, bool mayHaveReached)
    {
        if (!_state.TryLand(key, out var pending))
        {
            _log.Warning("Reversals {0}: ignored a link reply for {1}, which is not in flight", Acquirer, key);
            return;
        }

        pending.Repeat |= mayHaveReached;
        var delay = pending.Backoff.Next();
        var due = new RetryDue(pending.Rrn);
        Timers.StartSingleTimer(due, due, delay);
        _log.Warning("Reversals {0}: {1} attempt {2} {3}; next attempt in {4}", Acquirer, pending.Rrn, pending.Attempts, outcome, delay);
        Dispatch();
    }

    private void Restore(ReversalQueued queued)
    {
        if (ReversalMessage.TryKey(_settings.Profile, queued, out var key, out var reason))
        {
            _state.Restore(queued, key);
            return;
        }

        _log.Error("Reversals {0}: {1} cannot be built in the link's profile ({2}); kept, not sent", Acquirer, queued.Rrn, reason);
        _state.Restore(queued, key: null);
    }

    private void RestoreSnapshot(ReversalQueueSnapshot snapshot)
    {
        foreach (var queued in snapshot.Pending)
        {
            Restore(queued);
        }

        var now = NowUnixMs;
        foreach (var answered in snapshot.Answered)
        {
            _state.Answered(answered, now);
        }
    }

    /// <summary>Called in a persist handler, where the state is exactly that of the events up to <see cref="Eventsourced.LastSequenceNr"/>.</summary>
    private void SnapshotWhenDue()
    {
        if (LastSequenceNr % _settings.SnapshotEvery == 0)
        {
            SaveSnapshot(_state.ToSnapshot());
        }
    }

    private static Tagged Tag(object @event, string rrn) => new(@event, [TerminalActor.RrnTagPrefix + rrn]);
}
