using System.Security.Cryptography;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Switch.Actors.Events;
using Switch.Actors.Registry;
using Switch.Actors.Reversals;
using Switch.Actors.Risk;
using Switch.Actors.Sharding;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583;

namespace Switch.Actors.Terminals;

/// <summary>
/// One POS terminal (sharded by TID): sign-on state, the duplicate window, and the journal of its
/// transactions. It answers what it can itself (network management, unknown or signed-off terminal,
/// requests that fail validation, retransmissions) and hands each validated request to a child
/// that authorizes it, persisting on the child's behalf: the entity is the one writer of its journal.
/// It also takes the terminal's reversals (0400/0401) to the acquirer of the original, and closes its
/// batch on an 0500.
/// Events are tagged <c>rrn:{RRN}</c> so a transaction's history can be found by its RRN.
/// </summary>
public sealed partial class TerminalActor : ReceivePersistentActor, IWithTimers
{
    public const string RrnTagPrefix = "rrn:";
    public const string MidTagPrefix = "mid:";
    public const string PersistenceIdPrefix = "terminal-";

    private static readonly TimeSpan QueueResendInterval = TimeSpan.FromSeconds(5);

    private readonly IdlePassivation _idle = new();

    /// <summary>Unfinished transactions handed to their reversal queue and not accepted yet.</summary>
    private readonly HashSet<string> _awaitingQueue = new(StringComparer.Ordinal);
    private readonly string _tid;
    private readonly TerminalEntitySettings _settings;
    private readonly TerminalState _state;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private bool _unregisteredLogged;

    // Not journaled: velocity is about the last hour, and a terminal that restarts starts it afresh.
    private readonly TerminalActivity _activity = new();

    // Sign-ons and sign-offs whose event is being written, oldest first: answered 96 should the write fail.
    private readonly Queue<TerminalRequest> _networkWrites = new();
    private bool _stopping;

    public TerminalActor(string tid, TerminalEntitySettings settings)
    {
        _tid = tid;
        _settings = settings;
        _state = new TerminalState(
            settings.DuplicateWindow,
            settings.DuplicateMemoryLimit,
            new ReversalMemory(settings.ReversalWindow ?? TerminalEntitySettings.DefaultReversalWindow, settings.ReversalMemoryLimit),
            new OpenChallenges(settings.ChallengeWindow ?? TerminalEntitySettings.DefaultChallengeWindow));
        Recover<SnapshotOffer>(offer =>
        {
            var snapshot = (TerminalSnapshot)offer.Snapshot;
            _state.Restore(snapshot, NowUnixMs);
            _macs.Open(snapshot.KeyNonce.Span);
        });
        Recover<TerminalSignedOn>(signedOn =>
        {
            _state.SignOn();
            _macs.Open(signedOn.KeyNonce.Span);
        });
        Recover<TerminalSignedOff>(_ =>
        {
            _state.SignOff();
            _macs.Close();
        });
        Recover<TransactionStarted>(_state.Started);
        Recover<TransactionCompleted>(e => _state.Remember(e, NowUnixMs));
        Recover<TerminalReversalCompleted>(e => _state.ReversalCompleted(e, NowUnixMs));
        Recover<ChallengeAwaited>(e => _state.ChallengeAwaited(e, NowUnixMs));
        Recover<BatchClosed>(e => _state.BatchClosed(e, NowUnixMs));
        Recover<RecoveryCompleted>(_ => ReverseUnfinished());
        Command<TerminalRequest>(Handle);
        // The queue answers both the reversals of what a crash or a failed child left unfinished and
        // those the terminal asked for; an RRN is only ever one of the two.
        Command<ReversalAccepted>(accepted =>
        {
            CloseUnfinished(accepted.Rrn, Outcome.ReversalQueued, ResponseCodes.ResponseReceivedTooLate);
            ReversalDurable(accepted.Rrn);
        });
        Command<ReversalRefused>(refused =>
        {
            if (_state.TryGetUnfinished(refused.Rrn, out _))
            {
                _log.Error("Terminal {0}: the reversal of {1}, left in flight by a restart, was refused ({2}); the acquirer may hold an unreversed authorization", _tid, refused.Rrn, refused.Reason);
                CloseUnfinished(refused.Rrn, Outcome.ReversalRefused, ResponseCodes.SystemMalfunction);
            }

            ReversalNotQueued(refused);
        });
        Command<JournalStarted>(PersistStarted);
        Command<FinishTransaction>(Finish);
        Command<AwaitChallenge>(AwaitChallenge);
        Command<SaveSnapshotSuccess>(saved => DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(failed => _log.Warning("Terminal {0}: snapshot at {1} failed ({2}); recovery replays more events", _tid, failed.Metadata.SequenceNr, failed.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(failed => _log.Warning("Terminal {0}: deleting old snapshots failed ({1})", _tid, failed.Cause.Message));
        Command<Terminated>(stopped => TransactionStopped(stopped.ActorRef));
        Command<IdlePassivation.Check>(_ => _idle.Checked(Context, StopTerminal.Instance));
        Command<ResendToQueues>(_ => ResendReversals());
        Command<StopTerminal>(_ =>
        {
            _stopping = true;
            StopWhenIdle();
        });
    }

    public override string PersistenceId => PersistenceIdPrefix + _tid;

    public ITimerScheduler Timers { get; set; } = null!;

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    private static long NowUnixMs => Now.ToUnixTimeMilliseconds();

    public static Props Props(string tid, TerminalEntitySettings settings) =>
        Akka.Actor.Props.Create(() => new TerminalActor(tid, settings));

    /// <summary>A failing transaction is stopped, not restarted empty: <see cref="TransactionStopped"/> settles it.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    protected override void PreStart()
    {
        base.PreStart();
        _idle.Start(Context, _settings.PassivateAfter);
    }

    protected override void PostStop()
    {
        _idle.Stop();
        _macs.Dispose();
        base.PostStop();
    }

    /// <summary>
    /// The journal failed a write (the database is locked or gone), and Akka stops the entity after
    /// this, its transaction children with it: nothing in flight would be answered, so everyone
    /// waiting hears 96 now, a sign-on or sign-off whose event was being written included. Nothing was sent for a request whose <see cref="TransactionStarted"/> is
    /// not durable; what is durable may be at the acquirer and is handed to its reversal queue (which
    /// may fail too while the database is down: the next recovery queues it again, see
    /// <see cref="ReverseUnfinished"/>). Passivating makes the shard buffer what arrives while the
    /// entity stops and start it again for that, where a plain stop would lose those requests; it is
    /// asked before any 96 leaves, so whatever a terminal sends on hearing it reaches the shard after.
    /// </summary>
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistFailure(cause, @event, sequenceNr);
        Context.Parent.Tell(new Passivate(StopTerminal.Instance));
        foreach (var (request, rrn) in _state.Unanswered)
        {
            Fail(request, rrn);
        }

        foreach (var request in _networkWrites)
        {
            Fail(request, rrn: string.Empty);
        }

        foreach (var started in _state.Unfinished)
        {
            _settings.ReversalQueues(started.Acquirer)?.Tell(new QueueReversal(started));
        }
    }

    protected override bool AroundReceive(Receive receive, object message)
    {
        _idle.Saw(message);
        return base.AroundReceive(receive, message);
    }

    private void Fail(TerminalRequest request, string rrn)
    {
        if (IsoMessage.TryParse(request.Message, _settings.Profile, out var message, out _))
        {
            Reply(request, ReplyBuilder.Build(in message, ResponseCodes.SystemMalfunction, rrn.Length == 0 ? null : rrn));
        }
    }

    private void Handle(TerminalRequest request)
    {
        if (!IsoMessage.TryParse(request.Message, _settings.Profile, out var message, out var error))
        {
            _log.Warning("Terminal {0}: unreadable request dropped: {1}", _tid, error.Message);
            return;
        }

        if (!_settings.Directory.TryFind(_tid, out var merchant))
        {
            // Once per activation: an unknown terminal flooding the port would otherwise write a line a request.
            if (!_unregisteredLogged)
            {
                _unregisteredLogged = true;
                _log.Warning("Terminal {0} is not registered: answered 58 (further requests of it until it is passivated are not logged)", _tid);
            }

            Reply(request, ReplyBuilder.Build(in message, ResponseCodes.NotPermittedToTerminal));
            return;
        }

        if (IsAuthenticated(message.Mti) && !MacAllows(request, in message))
        {
            return;
        }

        switch (message.Mti)
        {
            case 800:
                NetworkManagement(request, in message);
                break;
            case 100 or 200:
                Financial(request, in message, merchant);
                break;
            case 400 or 401:
                Reversal(request, in message);
                break;
            case 500 or 501:
                Batch(request, in message);
                break;
            default:
                Reply(request, ReplyBuilder.Build(in message, ResponseCodes.InvalidTransaction));
                break;
        }
    }

    private void NetworkManagement(TerminalRequest request, in IsoMessage message)
    {
        var code = message.TryGetInt64(70, out var value) ? value : -1;
        if (code == 1 && _settings.Directory.TryFindKey(_tid, out var masterKey))
        {
            SignOnWithKeyExchange(request, in message, masterKey);
            return;
        }

        var reply = ReplyBuilder.Build(in message, code is 1 or 2 or 301 ? ResponseCodes.Approved : ResponseCodes.InvalidTransaction);
        switch (code)
        {
            case 1:
                _networkWrites.Enqueue(request);
                PersistAsync(new TerminalSignedOn { AtUnixMs = NowUnixMs }, _ =>
                {
                    _networkWrites.Dequeue();
                    _state.SignOn();
                    _macs.Close();
                    Reply(request, reply);
                    SnapshotWhenDue();
                });
                break;
            case 2:
                _networkWrites.Enqueue(request);
                PersistAsync(new TerminalSignedOff { AtUnixMs = NowUnixMs }, _ =>
                {
                    _networkWrites.Dequeue();
                    _state.SignOff();
                    _macs.Close();
                    Reply(request, reply);
                    SnapshotWhenDue();
                });
                break;
            default:
                Reply(request, reply);
                break;
        }
    }

    private void Financial(TerminalRequest request, in IsoMessage message, Merchant merchant)
    {
        if (!DuplicateKey.TryCreate(in message, out var key))
        {
            _log.Warning("Terminal {0}: request without a usable STAN answered 30", _tid);
            Reply(request, ReplyBuilder.Build(in message, ResponseCodes.FormatError));
            return;
        }

        var now = Now;
        if (_state.TryGetCompleted(key, now.ToUnixTimeMilliseconds(), out var done))
        {
            Reply(request, ReplyBuilder.Build(in message, done.ResponseCode, done.Rrn, done.AuthCode));
            return;
        }

        if (_state.TryGetInFlight(key.Stan, out var live))
        {
            if (live.Key == key.InTerminal)
            {
                live.Join(request);
            }
            else
            {
                Reply(request, ReplyBuilder.Build(in message, ResponseCodes.DuplicateTransmission));
            }

            return;
        }

        if (!_state.SignedOn)
        {
            DeclineLocally(request, in message, key, merchant, _settings.Rrns.Next(now), MaskedPan(in message), ResponseCodes.NotPermittedToTerminal, "terminal is not signed on");
            return;
        }

        if (MerchantIntegrity.Check(in message, merchant) is { } mismatch)
        {
            _log.Warning("Terminal {0}: the request names another {1} than merchant {2}'s; refused 58", _tid, mismatch == MerchantMismatch.Mid ? "merchant" : "MCC", merchant.Mid);
            TerminalMetrics.MerchantMismatch(mismatch);
            DeclineLocally(request, in message, key, merchant, _settings.Rrns.Next(now), MaskedPan(in message), ResponseCodes.NotPermittedToTerminal, "merchant or MCC mismatch");
            return;
        }

        if (!TryFindChallenge(request, in message, now.ToUnixTimeMilliseconds(), out var challenge))
        {
            return;
        }

        var rrn = challenge?.Rrn ?? _settings.Rrns.Next(now);
        var maskedPan = MaskedPan(in message);
        var validation = _settings.Validator.Validate(in message, now);
        if (!validation.Passed)
        {
            DeclineLocally(request, in message, key, merchant, rrn, maskedPan, validation.ResponseCode, validation.Reason);
            return;
        }

        var panToken = PanToken(in message);
        if (challenge is not null && !string.Equals(challenge.CardToken, panToken, StringComparison.Ordinal))
        {
            _log.Warning("Terminal {0}: a request for another card names challenge {1}; answered 12", _tid, challenge.ChallengeId);
            Reply(request, ReplyBuilder.Build(in message, ResponseCodes.InvalidTransaction));
            return;
        }

        if (challenge is null)
        {
            _activity.Record(now, message.GetInt64(4));
        }

        // Each step of a challenge is a request of its own: the STAN keeps their children apart under one RRN.
        var transaction = Context.ActorOf(_settings.TransactionProps(), $"txn-{rrn}-{key.Stan}");
        Context.Watch(transaction);
        _state.Begin(new InFlight(key, rrn, request, transaction));
        transaction.Tell(new AuthorizeTransaction(request.Message, merchant, rrn, panToken, maskedPan, now, _activity.Velocity(now), challenge?.ChallengeId));
    }

    private void DeclineLocally(TerminalRequest request, in IsoMessage message, DuplicateKey key, Merchant merchant, string rrn, string maskedPan, string code, string reason)
    {
        _log.Info("Terminal {0}: {1} declined {2}: {3}", _tid, rrn, code, reason);
        var completed = new TransactionCompleted
        {
            Rrn = rrn,
            Request = RequestIdentities.From(in message),
            Outcome = Outcome.DeclinedLocally,
            ResponseCode = code,
            AtUnixMs = NowUnixMs,
            MaskedPan = maskedPan,
            Mid = merchant.Mid,
        };
        var reply = ReplyBuilder.Build(in message, code, rrn);
        _state.Begin(new InFlight(key, rrn, request));
        PersistAsync(Tag(completed), _ => Complete(completed, reply));
    }

    private void PersistStarted(JournalStarted started)
    {
        var transaction = Sender;
        PersistAsync(Tag(started.Event, started.Event.Rrn), _ =>
        {
            _state.Started(started.Event);
            transaction.Tell(new StartedJournaled(started.Event));
            SnapshotWhenDue();
        });
    }

    /// <summary>
    /// After a crash, what was journaled as started but has no outcome may have reached the
    /// acquirer: queue its reversal, and journal the outcome the terminal would have heard (68).
    /// </summary>
    private void ReverseUnfinished()
    {
        foreach (var started in _state.Unfinished.ToList())
        {
            // In flight until its outcome is journaled: a retransmission meanwhile joins it rather than authorizing again.
            _state.Begin(new InFlight(TerminalState.KeyOf(started.Request), started.Rrn));
            _log.Warning("Terminal {0}: {1} was left in flight at {2} by a restart", _tid, started.Rrn, started.Acquirer);
            QueueReversal(started);
        }
    }

    private void QueueReversal(TransactionStarted started)
    {
        if (_settings.ReversalQueues(started.Acquirer) is { } queue)
        {
            queue.Tell(new QueueReversal(started));
            if (_awaitingQueue.Add(started.Rrn) && !Timers.IsTimerActive(nameof(ResendToQueues)))
            {
                Timers.StartPeriodicTimer(nameof(ResendToQueues), ResendToQueues.Instance, QueueResendInterval);
            }

            return;
        }

        _log.Error("Terminal {0}: {1} went to {2}, which is no longer configured; it cannot be reversed", _tid, started.Rrn, started.Acquirer);
        CloseUnfinished(started.Rrn, Outcome.ReversalRefused, ResponseCodes.SystemMalfunction);
    }

    /// <summary>
    /// A queue restarting after its journal failed (under a backoff supervisor) drops what is sent
    /// to it meanwhile: a reversal not accepted yet goes again until the queue answers (it dedups by
    /// RRN), or the approval the terminal never heard would stay at the acquirer unreversed.
    /// </summary>
    private void ResendReversals()
    {
        foreach (var rrn in _awaitingQueue.ToList())
        {
            if (_state.TryGetUnfinished(rrn, out var started))
            {
                _settings.ReversalQueues(started.Acquirer)?.Tell(new QueueReversal(started));
            }
            else
            {
                _awaitingQueue.Remove(rrn);
            }
        }

        if (_awaitingQueue.Count == 0)
        {
            Timers.Cancel(nameof(ResendToQueues));
        }
    }

    /// <summary>
    /// A transaction child that stopped without finishing (it failed): what it had sent, if
    /// anything, is reversed; otherwise nothing left the switch and the answer is 96.
    /// </summary>
    private void TransactionStopped(IActorRef transaction)
    {
        if (_state.InFlightWith(transaction) is not { } inFlight)
        {
            return;
        }

        if (_state.TryGetUnfinished(inFlight.Rrn, out var started))
        {
            _log.Error("Terminal {0}: transaction {1} failed after its request may have left; queueing its reversal", _tid, inFlight.Rrn);
            QueueReversal(started);
            return;
        }

        _log.Error("Terminal {0}: transaction {1} failed before anything was sent; answered 96", _tid, inFlight.Rrn);
        var request = IsoMessage.Parse(inFlight.Waiting[0].Message, _settings.Profile);
        var completed = new TransactionCompleted
        {
            Rrn = inFlight.Rrn,
            Request = RequestIdentities.From(in request),
            Outcome = Outcome.DeclinedLocally,
            ResponseCode = ResponseCodes.SystemMalfunction,
            AtUnixMs = NowUnixMs,
            MaskedPan = MaskedPan(in request),
            Mid = _settings.Directory.TryFind(_tid, out var merchant) ? merchant.Mid : string.Empty,
        };
        PersistAsync(Tag(completed), _ => Complete(completed, reply: null));
    }

    private void CloseUnfinished(string rrn, Outcome outcome, string code)
    {
        if (!_state.TryGetUnfinished(rrn, out var started))
        {
            return;
        }

        var completed = new TransactionCompleted
        {
            Rrn = rrn,
            Request = started.Request,
            Outcome = outcome,
            ResponseCode = code,
            AtUnixMs = NowUnixMs,
            MaskedPan = started.MaskedPan,
            Mid = started.Mid,
        };
        PersistAsync(Tag(completed), _ => Complete(completed, reply: null));
    }

    private void Finish(FinishTransaction finish)
    {
        var transaction = Sender;
        PersistAsync(Tag(finish.Event), _ =>
        {
            Complete(finish.Event, finish.Reply);
            Context.Unwatch(transaction);
            Context.Stop(transaction);
        });
    }

    /// <param name="reply">The answer, built by whoever decided it; null to build it from each waiting request.</param>
    private void Complete(TransactionCompleted completed, byte[]? reply)
    {
        _state.Remember(completed, NowUnixMs);
        TerminalMetrics.Completed(completed);
        if (_state.TryGetInFlight(completed.Request.Stan, out var inFlight))
        {
            foreach (var waiting in inFlight.Waiting)
            {
                Reply(waiting, reply ?? Rebuild(waiting, completed));
            }

            _state.End(completed.Request.Stan);
        }

        ReverseOnCompletion(completed);
        SnapshotWhenDue();
        StopWhenIdle();
    }

    private void SnapshotWhenDue()
    {
        if (LastSequenceNr % _settings.SnapshotEvery == 0)
        {
            SaveSnapshot(Snapshot());
        }
    }

    private byte[] Rebuild(TerminalRequest request, TransactionCompleted completed)
    {
        var message = IsoMessage.Parse(request.Message, _settings.Profile);
        return ReplyBuilder.Build(in message, completed.ResponseCode, completed.Rrn, completed.AuthCode);
    }

    private void StopWhenIdle()
    {
        if (_stopping && _state.InFlightCount == 0)
        {
            Context.Stop(Self);
        }
    }

    private void Reply(TerminalRequest request, byte[] reply) =>
        request.ReplyTo.Tell(new TerminalReply(_macs.IsOpen ? Signed(reply) : reply, request.Tpdu));

    private static Tagged Tag(object @event, string rrn) => new(@event, [RrnTagPrefix + rrn]);

    /// <summary>An outcome is also tagged <c>mid:{MID}</c>: a merchant's fee statement reads its transactions by it.</summary>
    private static Tagged Tag(TransactionCompleted completed) => completed.Mid.Length == 0
        ? Tag(completed, completed.Rrn)
        : new(completed, [RrnTagPrefix + completed.Rrn, MidTagPrefix + completed.Mid]);

    private static string MaskedPan(in IsoMessage message)
    {
        Span<byte> pan = stackalloc byte[CardNumber.BufferLength];
        if (!CardNumber.TryCopy(in message, pan, out var length))
        {
            return string.Empty;
        }

        var masked = Transactions.PanToken.MaskedPan(pan[..length]);
        CryptographicOperations.ZeroMemory(pan);
        return masked;
    }

    private string PanToken(in IsoMessage message)
    {
        Span<byte> pan = stackalloc byte[CardNumber.BufferLength];
        CardNumber.TryCopy(in message, pan, out var length);
        var token = _settings.PanTokens.Compute(pan[..length]);
        CryptographicOperations.ZeroMemory(pan);
        return token;
    }

    private sealed class ResendToQueues
    {
        public static ResendToQueues Instance { get; } = new();
    }
}
