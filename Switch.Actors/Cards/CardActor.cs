using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;
using Google.Protobuf;
using Switch.Actors.Cards.Challenges;
using Switch.Actors.Events;
using Switch.Actors.Registry;
using Switch.Actors.Risk;
using Switch.Actors.Sharding;
using Switch.Actors.Transactions;

namespace Switch.Actors.Cards;

/// <summary>
/// One card (sharded by the keyed hash of its PAN, never the PAN): the phone bound to it, sealed;
/// the cardholder's consent to offers; its activity (velocity, declines, spending profile); and its
/// challenges. It scores each authorization with the risk engine, opens and runs the challenge
/// (phone, then a texted one-time code), and proposes a receipt offer when consent allows.
/// Everything it decides from is journaled, so a restart or a shard hand-off loses no challenge.
/// </summary>
public sealed partial class CardActor : ReceivePersistentActor
{
    private readonly IdlePassivation _idle = new();
    private readonly string _token;
    private readonly CardEntitySettings _settings;
    private readonly CardState _state;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public CardActor(string token, CardEntitySettings settings)
    {
        _token = token;
        _settings = settings;
        _state = new CardState(new CardChallenges(settings.Challenge, settings.Codes));
        Recover<SnapshotOffer>(offer => _state.Restore((CardSnapshot)offer.Snapshot));
        Recover<CardPhoneBound>(_state.Bound);
        Recover<CardUsed>(used => _state.Activity.Record(used));
        Recover<IMessage>(ApplyChallengeEvent);
        Command<BindPhone>(Bind);
        Command<AssessAuthorization>(Assess);
        Command<TakeChallengeStep>(TakeStep);
        // Counted at once, so the card's next authorization sees it even while the write is under
        // way; were the write to fail, risk would only have counted one use more than the journal.
        Command<RecordCardUse>(record =>
        {
            _state.Activity.Record(record.Use);
            PersistAsync(record.Use, _ => SnapshotWhenDue());
        });
        Command<SmsDone>(LogDelivery);
        Command<SaveSnapshotSuccess>(saved => DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(failed => _log.Warning("Card {0}: snapshot at {1} failed ({2}); recovery replays more events", Short, failed.Metadata.SequenceNr, failed.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(failed => _log.Warning("Card {0}: deleting old snapshots failed ({1})", Short, failed.Cause.Message));
        Command<IdlePassivation.Check>(_ => _idle.Checked(Context, StopCard.Instance));
        Command<StopCard>(_ => Context.Stop(Self));
    }

    public override string PersistenceId => $"card-{_token}";

    /// <summary>Enough of the token to follow a card through the log; the token is a keyed hash, not the PAN.</summary>
    private string Short => _token[..8];

    public static Props Props(string token, CardEntitySettings settings) => Akka.Actor.Props.Create(() => new CardActor(token, settings));

    protected override void PreStart()
    {
        base.PreStart();
        _idle.Start(Context, _settings.PassivateAfter);
    }

    protected override void PostStop()
    {
        _idle.Stop();
        base.PostStop();
    }

    protected override bool AroundReceive(Receive receive, object message)
    {
        _idle.Saw(message);
        return base.AroundReceive(receive, message);
    }

    private void Bind(BindPhone bind)
    {
        var sender = Sender;
        Persist(new CardPhoneBound { SealedPhone = ByteString.CopyFrom(bind.SealedPhone), Consent = bind.Consent, AtUnixMs = Now.ToUnixTimeMilliseconds() }, bound =>
        {
            _state.Bound(bound);
            _log.Info("Card {0}: a phone was bound (consent {1})", Short, bound.Consent);
            sender.Tell(new PhoneBound(_token, bound.Consent));
            SnapshotWhenDue();
        });
    }

    private void Assess(AssessAuthorization request)
    {
        var features = Features(request.AmountMinor, request.Merchant, request.CardCountry, request.Terminal, request.At);
        var decision = _settings.Risk.Decide(features, request.Merchant.Challenge);
        var verdict = new RiskVerdict { Action = ActionName(decision.Action), Score = decision.Score, Rule = decision.Rule ?? string.Empty };
        verdict.Reasons.AddRange(decision.Reasons);
        CardMetrics.RiskDecided(verdict.Action);
        switch (decision.Action)
        {
            case RiskAction.Allow:
                Sender.Tell(new CardVerdict(CardVerdictKind.Proceed, ResponseCodes.Approved, "risk allowed it", verdict, Offer: OfferFor(features, request.At)));
                break;
            case RiskAction.Decline:
                Sender.Tell(new CardVerdict(CardVerdictKind.Decline, ResponseCodes.SuspectedFraud, $"risk declined it (score {decision.Score}{RuleText(decision.Rule)})", verdict));
                break;
            default:
                OpenChallenge(request, verdict);
                break;
        }
    }

    private RiskFeatures Features(long amountMinor, Merchant merchant, string? cardCountry, TerminalVelocity terminal, DateTimeOffset at) =>
        _settings.Risk.Features(new RiskInput(amountMinor, merchant.Mid, merchant.Mcc, merchant.Country, cardCountry, _state.Activity, terminal, at));

    /// <summary>Offers use the card's spending profile, so only a binding with the cardholder's consent gets one.</summary>
    private CardOffer? OfferFor(RiskFeatures features, DateTimeOffset at)
    {
        if (!_state.Consent || _settings.Offers.Best(features, at) is not { } offer)
        {
            return null;
        }

        CardMetrics.OfferProposed(offer.Id);
        return new CardOffer(offer.Id, offer.Text);
    }

    private void ApplyChallengeEvent(IMessage @event)
    {
        if (CardChallenges.IsChallengeEvent(@event))
        {
            _state.Challenges.Apply(@event);
        }
        else
        {
            _log.Warning("Card {0}: unknown event {1} in the journal was skipped", Short, @event.Descriptor.FullName);
        }
    }

    private void SnapshotWhenDue()
    {
        if (LastSequenceNr % _settings.SnapshotEvery == 0)
        {
            SaveSnapshot(_state.ToSnapshot());
        }
    }

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    private static string RuleText(string? rule) => rule is null ? string.Empty : $", rule {rule}";

    // Constant names: the journal and the metrics read them.
    private static string ActionName(RiskAction action) => action switch
    {
        RiskAction.Allow => "allow",
        RiskAction.Challenge => "challenge",
        _ => "decline",
    };
}
