using System.Security.Cryptography;
using Akka.Actor;
using Akka.Event;
using Switch.Actors.Acquirers;
using Switch.Actors.Cards;
using Switch.Actors.Events;
using Switch.Actors.Fees;
using Switch.Actors.Reversals;
using Switch.Actors.Routing;
using Switch.Actors.Terminals;
using Switch.Protocol.Iso8583;

namespace Switch.Actors.Transactions;

/// <summary>
/// Authorizes one validated request, a child of its terminal: asks the card entity (risk score, or
/// the cardholder's challenge step), picks the acquirer, has the terminal journal the write-ahead
/// record, sends, and turns the link's reply into the outcome. A challenge step ends the child with
/// a 1A; the next step comes to a new child. When the request may have reached the acquirer but no
/// answer came (timeout, link lost), the reversal is durably queued before the terminal hears 68 or
/// 91, so a crash can lose neither.
/// <para>
/// Failover: while nothing has left the switch (the link refused the request unsent, or the request
/// does not fit a link's dialect) the router is asked for the next candidate, excluding those tried.
/// Once the request may have reached an acquirer (sent, then timed out, lost or answered) it never
/// goes anywhere else: the reversal path takes over. Each attempt journals its own write-ahead
/// <see cref="TransactionStarted"/> under the same RRN before sending; the terminal keeps the latest
/// per RRN as the one in flight, so a later record supersedes an earlier one. That is right because
/// an earlier attempt is only ever superseded after its link confirmed it unsent: a crash after the
/// second record reverses at the second acquirer only (the first never saw the request), and a
/// crash between the first attempt's refusal and the second record reverses at the first acquirer,
/// which answers a reversal of a request it never saw without harm, while the second saw nothing.
/// No acquirer is ever reversed that was not named by the latest record, and none that may hold the
/// request goes unreversed.
/// </para>
/// </summary>
public sealed class TransactionActor : UntypedActor, IWithTimers
{
    private readonly TransactionSettings _settings;
    private ILoggingAdapter? _log;
    private AuthorizeTransaction _request = null!;
    private AcquirerRoute _route = null!;
    private RouteRequest _routeRequest = null!;
    private TransactionStarted _started = null!;
    private DateTimeOffset _sentAt;
    private byte[] _acquirerRequest = [];
    private RiskVerdict? _risk;
    private CardOffer? _offer;
    private bool _declinedByCard;
    private RoutingDecision? _unrouted;
    private Stage _stage = Stage.New;

    // The answer the terminal hears once the reversal is queued (68 or 91).
    private string _reversalCode = string.Empty;

    // Acquirers that refused this request unsent: never picked again for it.
    private readonly List<string> _tried = [];

    public TransactionActor(TransactionSettings settings)
    {
        _settings = settings;
    }

    /// <summary>Where the authorization is; each stage accepts only its own replies.</summary>
    private enum Stage
    {
        New,
        AwaitingCard,
        Routing,
        Journaling,
        AwaitingAcquirer,
        Reversing,
        Done,
    }

    public ITimerScheduler Timers { get; set; } = null!;

    // Made on first use: most requests log nothing, and a logger per child cost an allocation of its path.
    private ILoggingAdapter Log => _log ??= Context.GetLogger();

    /// <summary>Props made by a producer that calls the constructor: no reflection per request's child.</summary>
    public static Props Props(TransactionSettings settings) => Akka.Actor.Props.CreateBy(new Producer(settings));

    // One switch over the stage rather than Become with typed handlers: a ReceiveActor builds its
    // matcher again on every Become, and with one child per request that was a tenth of the node's CPU.
    protected override void OnReceive(object message)
    {
        switch (_stage, message)
        {
            case (Stage.New, AuthorizeTransaction request):
                Authorize(request);
                break;
            case (Stage.AwaitingCard, CardVerdict verdict):
                CardAnswered(verdict);
                break;
            case (Stage.AwaitingCard, CardSilent):
                // Nothing has left the switch: a card that cannot answer (its shard moving, its journal
                // stalled) fails this request fast rather than holding the terminal.
                Finish(Outcome.DeclinedLocally, ResponseCodes.SystemMalfunction, reason: "the card entity did not answer in time");
                break;
            case (Stage.AwaitingCard, CardUnreachable):
                Finish(Outcome.DeclinedLocally, ResponseCodes.SystemMalfunction, reason: "the card entity could not be reached (it could not start, or its node died)");
                break;
            case (Stage.Routing, NoAcquirerAvailable none):
                Unrouted(none);
                break;
            case (Stage.Routing, AcquirerPicked picked):
                Picked(picked);
                break;
            case (Stage.Journaling, StartedJournaled):
                Send();
                break;
            case (Stage.AwaitingAcquirer, AcquirerResponse response):
                Answered(response.Message);
                break;
            case (Stage.AwaitingAcquirer, AcquirerUnavailable):
                // The link's one reply, and it says nothing left: the next candidate may have it.
                Timers.Cancel(nameof(LinkSilent));
                Report(AcquirerOutcomeKind.NotSent, latency: null);
                Log.Info("Transaction {0}: {1} refused the request unsent; trying the next acquirer", _request.Rrn, _route.Name);
                _tried.Add(_route.Name);
                AskRouter();
                break;
            case (Stage.AwaitingAcquirer, AcquirerRejected rejected):
                // Rejected for what the request is (a duplicate of one in flight, malformed), not for where
                // it was going: another acquirer would be no different, and a duplicate must not go anywhere.
                Finish(
                    Outcome.DeclinedLocally,
                    rejected.Reason == AcquirerRejection.DuplicateInFlight ? ResponseCodes.DuplicateTransmission : ResponseCodes.SystemMalfunction,
                    reason: $"{_route.Name} rejected the request unsent: {rejected.Reason}");
                break;
            case (Stage.AwaitingAcquirer, AcquirerTimedOut):
                Report(AcquirerOutcomeKind.TimedOut, latency: null);
                Reverse(ResponseCodes.ResponseReceivedTooLate, "no answer in time");
                break;
            case (Stage.AwaitingAcquirer, AcquirerLinkLost):
                Report(AcquirerOutcomeKind.TechnicalFailure, latency: null);
                Reverse(ResponseCodes.AcquirerUnavailable, "the link dropped before the answer");
                break;
            case (Stage.AwaitingAcquirer, LinkSilent):
                Report(AcquirerOutcomeKind.TimedOut, latency: null);
                Reverse(ResponseCodes.ResponseReceivedTooLate, "the link never replied");
                break;
            case (Stage.Reversing, ReversalAccepted):
                Finish(Outcome.ReversalQueued, _reversalCode);
                break;
            case (Stage.Reversing, ReversalRefused refused):
                Log.Error("Transaction {0}: the reversal queue of {1} refused it ({2}); the acquirer may hold an unreversed authorization", _request.Rrn, _route.Name, refused.Reason);
                Finish(Outcome.ReversalRefused, ResponseCodes.SystemMalfunction);
                break;
            case (Stage.Done, _):
                Log.Warning("Transaction {0}: {1} arrived after the outcome", _request.Rrn, message.GetType().Name);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Authorize(AuthorizeTransaction request)
    {
        _request = request;
        var message = Request;
        var tid = message.GetString(41).TrimEnd();
        if (request.ChallengeId is { } challengeId)
        {
            var input = ChallengeInput.From(in message);
            if (input.Kind == ChallengeInputKind.None)
            {
                // Naming the challenge without a phone, code or resend: a malformed step, answered
                // 30; the challenge stays open for a well-formed one.
                Log.Warning("Transaction {0}: a step of challenge {1} carries no phone, code or resend; answered 30", request.Rrn, challengeId);
                Context.Parent.Tell(new AwaitChallenge(Awaited(challengeId), ReplyBuilder.Build(in message, ResponseCodes.FormatError, request.Rrn)));
                _stage = Stage.Done;
                return;
            }

            _settings.Cards.Tell(new TakeChallengeStep(request.PanToken, challengeId, tid, input, message.GetInt64(4), request.Merchant, request.ReceivedAt));
        }
        else
        {
            _settings.Cards.Tell(new AssessAuthorization(
                request.PanToken,
                request.Rrn,
                tid,
                message.GetInt64(4),
                request.Merchant,
                CardCountry(in message),
                request.Terminal,
                request.ReceivedAt));
        }

        Timers.StartSingleTimer(nameof(CardSilent), CardSilent.Instance, _settings.CardTimeout);
        _stage = Stage.AwaitingCard;
    }

    private void CardAnswered(CardVerdict verdict)
    {
        Timers.Cancel(nameof(CardSilent));
        _risk = verdict.Risk;
        _offer = verdict.Offer;
        switch (verdict.Kind)
        {
            case CardVerdictKind.Proceed:
                var request = Request;
                _routeRequest = RouteRequest.From(in request, _request.Merchant, _settings.Bins);
                AskRouter();
                break;
            case CardVerdictKind.Challenge when verdict.Prompt is { } prompt:
                Challenge(prompt);
                break;
            default:
                _declinedByCard = true;
                Finish(Outcome.DeclinedLocally, verdict.ResponseCode, reason: verdict.Reason);
                break;
        }
    }

    private void Challenge(ChallengePrompt prompt)
    {
        var request = Request;
        var reply = ReplyBuilder.Build(in request, ResponseCodes.AdditionalAuthenticationRequired, _request.Rrn, null, ReplyAddendum.ChallengeStep(prompt.Field62));
        Context.Parent.Tell(new AwaitChallenge(Awaited(prompt.ChallengeId), reply));
        _stage = Stage.Done;
    }

    private ChallengeAwaited Awaited(string challengeId) => new()
    {
        ChallengeId = challengeId,
        Rrn = _request.Rrn,
        CardToken = _request.PanToken,
        AtUnixMs = Context.System.Scheduler.Now.ToUnixTimeMilliseconds(),
        Risk = _risk,
        MaskedPan = _request.MaskedPan,
        Mid = _request.Merchant.Mid,
    };

    private void AskRouter()
    {
        _settings.Router.Tell(new PickAcquirer(_routeRequest, [.. _tried]));
        _stage = Stage.Routing;
    }

    private void Unrouted(NoAcquirerAvailable none)
    {
        LogDecision(none.Decision);
        _unrouted = none.Decision;
        Finish(Outcome.Unavailable, ResponseCodes.AcquirerUnavailable, reason: _tried.Count == 0
            ? $"no acquirer of rule {none.Decision.Rule} can take it"
            : $"no acquirer of rule {none.Decision.Rule} left after {string.Join(", ", _tried)} refused it unsent");
    }

    private void Picked(AcquirerPicked picked)
    {
        _route = picked.Route;
        LogDecision(picked.Decision);
        var request = Request;
        try
        {
            _acquirerRequest = AcquirerRequest.Build(in request, _route.Profile, _request.Rrn, _request.Merchant);
        }
        catch (Exception ex) when (ex is IsoFormatException or ArgumentOutOfRangeException)
        {
            // Built for one link only, nothing left: another acquirer's dialect may carry it.
            Log.Warning("Transaction {0}: the request does not fit {1}'s dialect ({2}); trying the next acquirer", _request.Rrn, _route.Name, ex.Message);
            _tried.Add(_route.Name);
            AskRouter();
            return;
        }

        _started = Started(in request, picked.Decision);
        Context.Parent.Tell(new JournalStarted(_started));
        _stage = Stage.Journaling;
    }

    private void LogDecision(RoutingDecision decision)
    {
        // Every request routes: the text is built only when someone reads it.
        if (!Context.System.Log.IsDebugEnabled)
        {
            return;
        }

        Log.Debug(
            "Transaction {0}: rule {1} ({2}) chose {3}; skipped {4}",
            _request.Rrn,
            decision.Rule,
            decision.Strategy,
            decision.Chosen.Length == 0 ? "none" : decision.Chosen,
            decision.Skipped.Count == 0 ? "none" : string.Join(", ", decision.Skipped.Select(k => $"{k.Acquirer} ({k.Reason})")));
    }

    private void Send()
    {
        _sentAt = Context.System.Scheduler.Now;
        _route.Link.Tell(new SendToAcquirer(_acquirerRequest, Self));
        Timers.StartSingleTimer(nameof(LinkSilent), LinkSilent.Instance, _route.Timeout + _settings.GuardMargin);
        _stage = Stage.AwaitingAcquirer;
    }

    /// <summary>Tells the router how this attempt ended, for the acquirer's circuit, success rate and metrics.</summary>
    private void Report(AcquirerOutcomeKind kind, TimeSpan? latency) =>
        _settings.Router.Tell(new AcquirerOutcome(_route.Name, kind, latency));

    private void Answered(byte[] response)
    {
        Timers.Cancel(nameof(LinkSilent));
        if (!IsoMessage.TryParse(response, _route.Profile, out var message, out var error) || !message.Has(39))
        {
            // Something came back but what it said is unknown: as good as no answer, so reverse.
            Log.Warning("Transaction {0}: unreadable answer from {1}: {2}", _request.Rrn, _route.Name, error?.Message ?? "no field 39");
            Report(AcquirerOutcomeKind.TechnicalFailure, latency: null);
            Reverse(ResponseCodes.ResponseReceivedTooLate, "the answer was unreadable");
            return;
        }

        var code = message.GetString(39);
        Report(AcquirerOutcomes.Of(code), Context.System.Scheduler.Now - _sentAt);
        var authCode = message.Has(38) ? message.GetString(38).Trim() : null;
        Finish(Outcome.Answered, code, authCode);
    }

    private void Reverse(string code, string reason)
    {
        Timers.Cancel(nameof(LinkSilent));
        Log.Warning("Transaction {0}: {1} via {2}; queueing a reversal", _request.Rrn, reason, _route.Name);
        _route.Reversals.Tell(new QueueReversal(_started));
        _reversalCode = code;
        _stage = Stage.Reversing;
    }

    private void Finish(Outcome outcome, string code, string? authCode = null, string? reason = null)
    {
        if (reason is not null)
        {
            Log.Info("Transaction {0}: {1} ({2})", _request.Rrn, code, reason);
        }

        var request = Request;
        var amountMinor = request.GetInt64(4);
        var offer = code == ResponseCodes.Approved ? _offer : null;
        var completed = new TransactionCompleted
        {
            Rrn = _request.Rrn,
            Request = RequestIdentities.From(in request),
            Outcome = outcome,
            ResponseCode = code,
            AuthCode = authCode ?? string.Empty,
            AtUnixMs = Context.System.Scheduler.Now.ToUnixTimeMilliseconds(),
            MaskedPan = _request.MaskedPan,
            Mid = _request.Merchant.Mid,
            Risk = _risk,
            OfferId = offer?.Id ?? string.Empty,
            Fee = outcome == Outcome.Answered && code == ResponseCodes.Approved ? Fee(amountMinor) : null,
            Routing = _unrouted,
        };
        var reply = offer is null
            ? ReplyBuilder.Build(in request, code, _request.Rrn, authCode)
            : ReplyBuilder.Build(in request, code, _request.Rrn, authCode, ReplyAddendum.Receipt(offer.Text));
        Context.Parent.Tell(new FinishTransaction(completed, reply));
        RecordCardUse(outcome, code, amountMinor);
        _stage = Stage.Done;
    }

    /// <summary>
    /// The merchant's fee under the plan version in force now, beside what the acquirer that approved
    /// it charges the switch; none for a merchant without a plan. An acquirer without a configured
    /// cost counts as costing nothing, so the margin shows the whole fee.
    /// </summary>
    private FeeRecord? Fee(long amountMinor)
    {
        if (_request.Merchant.FeePlan is not { } plan || _settings.FeePlans is not { } plans)
        {
            return null;
        }

        var instrument = _routeRequest.Instrument == PaymentInstrument.Qr ? FeeInstrument.Qr : FeeInstrument.Card;
        var charge = _settings.Costs?.TryGet(_route.Name, _routeRequest.Instrument, out var cost) == true ? cost.Charge : new AcquirerCharge(FeeRate.Zero, 0);
        var breakdown = plans.Compute(plan, instrument, amountMinor, Context.System.Scheduler.Now, charge);
        if (breakdown is null)
        {
            Log.Warning("Transaction {0}: merchant {1}'s fee plan {2} has no version in force; no fee charged", _request.Rrn, _request.Merchant.Mid, plan);
            return null;
        }

        return FeeRecords.ToRecord(breakdown);
    }

    /// <summary>
    /// The card learns how it was used: an acquirer's answer (approved or declined), or its own
    /// decline (risk, challenge). What never got an answer says nothing about the card.
    /// </summary>
    private void RecordCardUse(Outcome outcome, string code, long amountMinor)
    {
        if (outcome != Outcome.Answered && !_declinedByCard)
        {
            return;
        }

        _settings.Cards.Tell(new RecordCardUse(_request.PanToken, new CardUsed
        {
            AtUnixMs = _request.ReceivedAt.ToUnixTimeMilliseconds(),
            AmountMinor = amountMinor,
            Mid = _request.Merchant.Mid,
            Mcc = _request.Merchant.Mcc,
            Approved = code == ResponseCodes.Approved,
            DeclinedByRisk = _declinedByCard,
        }));
    }

    private string? CardCountry(in IsoMessage request)
    {
        Span<byte> pan = stackalloc byte[CardNumber.BufferLength];
        var country = CardNumber.TryCopy(in request, pan, out var length) ? _settings.Bins.Lookup(pan[..length])?.Country : null;
        CryptographicOperations.ZeroMemory(pan);
        return country;
    }

    private IsoMessage Request => IsoMessage.Parse(_request.Request, _settings.TerminalProfile);

    private TransactionStarted Started(in IsoMessage request, RoutingDecision decision) => new()
    {
        Rrn = _request.Rrn,
        Request = RequestIdentities.From(in request),
        ProcessingCode = request.GetString(3),
        Currency = request.GetString(49),
        PanToken = _request.PanToken,
        MaskedPan = _request.MaskedPan,
        Mid = _request.Merchant.Mid,
        Mcc = _request.Merchant.Mcc,
        Acquirer = _route.Name,
        AtUnixMs = Context.System.Scheduler.Now.ToUnixTimeMilliseconds(),
        Tid = request.GetString(41).TrimEnd(),
        Risk = _risk,
        Routing = decision,
    };

    private sealed class Producer(TransactionSettings settings) : IIndirectActorProducer
    {
        public Type ActorType => typeof(TransactionActor);

        public ActorBase Produce() => new TransactionActor(settings);

        public void Release(ActorBase actor)
        {
        }
    }

    /// <summary>The link's reply never came within its own timeout and the margin.</summary>
    private sealed class LinkSilent
    {
        public static LinkSilent Instance { get; } = new();
    }

    private sealed class CardSilent
    {
        public static CardSilent Instance { get; } = new();
    }
}
