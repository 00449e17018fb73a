using Akka.Actor;
using Akka.Event;
using Switch.Actors.Acquirers;
using Switch.Actors.Events;
using Switch.Actors.Reversals;
using Switch.Actors.Routing;
using Switch.Actors.Terminals;
using Switch.Protocol.Iso8583;

namespace Switch.Actors.Transactions;

/// <summary>
/// Authorizes one validated request, a child of its terminal: picks the acquirer, has the terminal
/// journal the write-ahead record, sends, and turns the link's reply into the outcome. When the
/// request may have reached the acquirer but no answer came (timeout, link lost), the reversal is
/// durably queued before the terminal hears 68 or 91, so a crash can lose neither.
/// </summary>
public sealed class TransactionActor : ReceiveActor, IWithTimers
{
    private readonly TransactionSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private AuthorizeTransaction _request = null!;
    private AcquirerRoute _route = null!;
    private TransactionStarted _started = null!;
    private byte[] _acquirerRequest = [];

    public TransactionActor(TransactionSettings settings)
    {
        _settings = settings;
        Receive<AuthorizeTransaction>(Authorize);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(TransactionSettings settings) => Akka.Actor.Props.Create(() => new TransactionActor(settings));

    private void Authorize(AuthorizeTransaction request)
    {
        _request = request;
        _settings.Router.Tell(PickAcquirer.Instance);
        Become(Routing);
    }

    private void Routing()
    {
        Receive<NoAcquirerAvailable>(_ => Finish(Outcome.Unavailable, ResponseCodes.AcquirerUnavailable, reason: "no acquirer link is up"));
        Receive<AcquirerPicked>(picked =>
        {
            _route = picked.Route;
            var request = Request;
            try
            {
                _acquirerRequest = AcquirerRequest.Build(in request, _route.Profile, _request.Rrn);
            }
            catch (Exception ex) when (ex is IsoFormatException or ArgumentOutOfRangeException)
            {
                Finish(Outcome.DeclinedLocally, ResponseCodes.SystemMalfunction, reason: $"request does not fit {_route.Name}'s dialect: {ex.Message}");
                return;
            }

            _started = Started(in request);
            Context.Parent.Tell(new JournalStarted(_started));
            Become(Journaling);
        });
    }

    private void Journaling()
    {
        Receive<StartedJournaled>(_ =>
        {
            _route.Link.Tell(new SendToAcquirer(_acquirerRequest, Self));
            Timers.StartSingleTimer(nameof(LinkSilent), LinkSilent.Instance, _route.Timeout + _settings.GuardMargin);
            Become(AwaitingAcquirer);
        });
    }

    private void AwaitingAcquirer()
    {
        Receive<AcquirerResponse>(response => Answered(response.Message));
        Receive<AcquirerUnavailable>(_ => Finish(Outcome.Unavailable, ResponseCodes.AcquirerUnavailable, reason: $"{_route.Name} refused the request unsent"));
        Receive<AcquirerRejected>(rejected => Finish(
            Outcome.DeclinedLocally,
            rejected.Reason == AcquirerRejection.DuplicateInFlight ? ResponseCodes.DuplicateTransmission : ResponseCodes.SystemMalfunction,
            reason: $"{_route.Name} rejected the request unsent: {rejected.Reason}"));
        Receive<AcquirerTimedOut>(_ => Reverse(ResponseCodes.ResponseReceivedTooLate, "no answer in time"));
        Receive<AcquirerLinkLost>(_ => Reverse(ResponseCodes.AcquirerUnavailable, "the link dropped before the answer"));
        Receive<LinkSilent>(_ => Reverse(ResponseCodes.ResponseReceivedTooLate, "the link never replied"));
    }

    private void Answered(byte[] response)
    {
        Timers.Cancel(nameof(LinkSilent));
        if (!IsoMessage.TryParse(response, _route.Profile, out var message, out var error) || !message.Has(39))
        {
            // Something came back but what it said is unknown: as good as no answer, so reverse.
            _log.Warning("Transaction {0}: unreadable answer from {1}: {2}", _request.Rrn, _route.Name, error?.Message ?? "no field 39");
            Reverse(ResponseCodes.ResponseReceivedTooLate, "the answer was unreadable");
            return;
        }

        var code = message.GetString(39);
        var authCode = message.Has(38) ? message.GetString(38).Trim() : null;
        Finish(Outcome.Answered, code, authCode);
    }

    private void Reverse(string code, string reason)
    {
        Timers.Cancel(nameof(LinkSilent));
        _log.Warning("Transaction {0}: {1} via {2}; queueing a reversal", _request.Rrn, reason, _route.Name);
        _route.Reversals.Tell(new QueueReversal(_started));
        Become(() =>
        {
            Receive<ReversalAccepted>(_ => Finish(Outcome.ReversalQueued, code));
            Receive<ReversalRefused>(refused =>
            {
                _log.Error("Transaction {0}: the reversal queue of {1} refused it ({2}); the acquirer may hold an unreversed authorization", _request.Rrn, _route.Name, refused.Reason);
                Finish(Outcome.ReversalRefused, ResponseCodes.SystemMalfunction);
            });
        });
    }

    private void Finish(Outcome outcome, string code, string? authCode = null, string? reason = null)
    {
        if (reason is not null)
        {
            _log.Info("Transaction {0}: {1} ({2})", _request.Rrn, code, reason);
        }

        var request = Request;
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
        };
        Context.Parent.Tell(new FinishTransaction(completed, ReplyBuilder.Build(in request, code, _request.Rrn, authCode)));
        Become(() => ReceiveAny(late => _log.Warning("Transaction {0}: {1} arrived after the outcome", _request.Rrn, late.GetType().Name)));
    }

    private IsoMessage Request => IsoMessage.Parse(_request.Request, _settings.TerminalProfile);

    private TransactionStarted Started(in IsoMessage request) => new()
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
    };

    /// <summary>The link's reply never came within its own timeout and the margin.</summary>
    private sealed class LinkSilent
    {
        public static LinkSilent Instance { get; } = new();
    }
}
