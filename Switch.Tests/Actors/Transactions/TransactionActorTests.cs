using Akka.Actor;
using Akka.TestKit;
using Switch.Actors.Acquirers;
using Switch.Actors.Cards;
using Switch.Actors.Events;
using Switch.Actors.Registry;
using Switch.Actors.Reversals;
using Switch.Actors.Risk;
using Switch.Actors.Routing;
using Switch.Actors.Terminals;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Transactions;

public sealed class TransactionActorTests : Akka.TestKit.Xunit2.TestKit
{
    private const string Rrn = "633341000001";
    private static readonly TimeSpan CardTimeout = TimeSpan.FromSeconds(5);
    private static readonly RiskVerdict Allowed = new() { Action = "allow", Score = 12 };
    private static readonly Merchant Shop = new("M00000000000001", "Demo Shop", "5411", "CN", ChallengePolicy.Risk);

    private readonly TestProbe _router;
    private readonly TestProbe _link;
    private readonly TestProbe _reversals;
    private readonly TestProbe _cards;
    private readonly AcquirerRoute _route;
    private readonly IActorRef _transaction;

    public TransactionActorTests()
        : base("""akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """)
    {
        _router = CreateTestProbe();
        _link = CreateTestProbe();
        _reversals = CreateTestProbe();
        _cards = CreateTestProbe();
        _route = new AcquirerRoute("acq-a", _link.Ref, _reversals.Ref, Iso87.Binary, TimeSpan.FromSeconds(5));
        var bins = new BinTable([new BinEntry("4761", "US", "visa")]);
        _transaction = ChildActorOf(TransactionActor.Props(new TransactionSettings(Iso87.Ascii, _router.Ref, TimeSpan.FromSeconds(1), _cards.Ref, bins, CardTimeout)));
    }

    [Fact]
    public void An_approval_is_journaled_ahead_sent_in_the_link_dialect_and_answered_with_the_acquirer_codes()
    {
        var started = Start();
        Assert.Equal(("acq-a", "T0000001", Rrn, "5411", "476173******0010", 1234L, 42),
            (started.Acquirer, started.Tid, started.Rrn, started.Mcc, started.MaskedPan, started.Request.AmountMinor, started.Request.Stan));

        var sent = Send(started);
        var request = IsoMessage.Parse(sent.Message, Iso87.Binary);
        Assert.Equal(200, request.Mti);
        Assert.Equal(Rrn, request.GetString(37));
        Assert.Equal("4761739001010010", request.GetString(2));
        Assert.Equal(1234, request.GetInt64(4));
        Assert.Equal(("5411", "M00000000000001"), (request.GetString(18), request.GetString(42).TrimEnd()));
        Assert.False(request.Has(62));
        Assert.Equal(Allowed, started.Risk);

        sent.ReplyTo.Tell(new AcquirerResponse(Answer("00", "654321")), ActorRefs.NoSender);

        var finish = ExpectMsg<FinishTransaction>();
        Assert.Equal((Outcome.Answered, "00", "654321"), (finish.Event.Outcome, finish.Event.ResponseCode, finish.Event.AuthCode));
        var reply = new ReceivedMessage(finish.Reply, Iso87.Ascii);
        Assert.Equal((210, "00", "654321", Rrn), (reply.Mti, reply[39], reply[38], reply[37]));
    }

    [Fact]
    public void An_acquirer_decline_is_passed_to_the_terminal()
    {
        Send(Start()).ReplyTo.Tell(new AcquirerResponse(Answer("51")), ActorRefs.NoSender);

        var finish = ExpectMsg<FinishTransaction>();
        Assert.Equal("51", finish.Event.ResponseCode);
        Assert.False(new ReceivedMessage(finish.Reply, Iso87.Ascii).Has(38));
    }

    [Fact]
    public void The_card_is_asked_with_the_amount_merchant_terminal_velocity_and_card_country()
    {
        _transaction.Tell(Authorize());

        var assess = _cards.ExpectMsg<AssessAuthorization>();
        Assert.Equal(("0123456789abcdef0123456789abcdef", Rrn, "T0000001", 1234L, Shop, "US", 3),
            (assess.CardToken, assess.Rrn, assess.Tid, assess.AmountMinor, assess.Merchant, assess.CardCountry, assess.Terminal.LastHour.Count));
    }

    [Fact]
    public void A_risk_decline_sends_nothing_journals_the_verdict_and_tells_the_card()
    {
        var declined = new RiskVerdict { Action = "decline", Score = 91, Rule = "card-testing" };
        _transaction.Tell(Authorize());
        _cards.ExpectMsg<AssessAuthorization>();
        _cards.Reply(new CardVerdict(CardVerdictKind.Decline, "59", "risk declined it", declined));

        var finish = ExpectMsg<FinishTransaction>();
        Assert.Equal((Outcome.DeclinedLocally, "59", declined), (finish.Event.Outcome, finish.Event.ResponseCode, finish.Event.Risk));
        var use = _cards.ExpectMsg<RecordCardUse>().Use;
        Assert.Equal((1234L, false, true), (use.AmountMinor, use.Approved, use.DeclinedByRisk));
        _router.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_challenge_answers_1a_with_the_cards_field_62_and_asks_the_terminal_to_keep_it_open()
    {
        var verdict = new RiskVerdict { Action = "challenge", Score = 60 };
        var field62 = "CI004ABCDST005PHONEAL0013"u8.ToArray();
        _transaction.Tell(Authorize());
        _cards.ExpectMsg<AssessAuthorization>();
        _cards.Reply(new CardVerdict(CardVerdictKind.Challenge, "1A", "challenge opened", verdict, new ChallengePrompt("ABCD", field62)));

        var awaiting = ExpectMsg<AwaitChallenge>();
        Assert.Equal(("ABCD", Rrn, "0123456789abcdef0123456789abcdef", verdict), (awaiting.Event.ChallengeId, awaiting.Event.Rrn, awaiting.Event.CardToken, awaiting.Event.Risk));
        var reply = new ReceivedMessage(awaiting.Reply, Iso87.Ascii);
        Assert.Equal(("1A", Rrn), (reply[39], reply[37]));
        Assert.Equal(field62, reply.Message.Raw(62).ToArray());
        _router.ExpectNoMsg(TimeSpan.Zero);
        _cards.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_step_of_an_open_challenge_goes_to_the_card_with_what_the_cardholder_typed()
    {
        _transaction.Tell(Authorize() with { Request = Purchase(TerminalMessages.ChallengeStep("ABCD", phone: "13812345678")), ChallengeId = "ABCD" });

        var step = _cards.ExpectMsg<TakeChallengeStep>();
        Assert.Equal(("ABCD", "T0000001", ChallengeInputKind.Phone, "13812345678", 1234L), (step.ChallengeId, step.Tid, step.Input.Kind, step.Input.Value, step.AmountMinor));
        Assert.DoesNotContain("13812345678", step.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_that_carries_nothing_to_check_is_answered_30_and_the_challenge_stays_open()
    {
        _transaction.Tell(Authorize() with { Request = Purchase(TerminalMessages.ChallengeStep("ABCD")), ChallengeId = "ABCD" });

        var awaiting = ExpectMsg<AwaitChallenge>();
        Assert.Equal("ABCD", awaiting.Event.ChallengeId);
        Assert.Equal("30", new ReceivedMessage(awaiting.Reply, Iso87.Ascii)[39]);
        _cards.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_card_that_does_not_answer_fails_the_request_96_without_sending_it()
    {
        _transaction.Tell(Authorize());
        _cards.ExpectMsg<AssessAuthorization>();

        ((TestScheduler)Sys.Scheduler).Advance(CardTimeout);

        var finish = ExpectMsg<FinishTransaction>();
        Assert.Equal((Outcome.DeclinedLocally, "96"), (finish.Event.Outcome, finish.Event.ResponseCode));
        _router.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_card_message_dropped_undelivered_fails_the_request_96_at_once_without_sending_it()
    {
        _transaction.Tell(Authorize());
        _cards.ExpectMsg<AssessAuthorization>();

        _cards.Reply(CardUnreachable.Instance);

        var finish = ExpectMsg<FinishTransaction>();
        Assert.Equal((Outcome.DeclinedLocally, "96"), (finish.Event.Outcome, finish.Event.ResponseCode));
        _router.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void An_approval_carries_the_cards_offer_in_field_63_and_the_card_learns_of_it()
    {
        var sent = Send(Start(new CardOffer("grocery-5", "5% off groceries next visit")));
        sent.ReplyTo.Tell(new AcquirerResponse(Answer("00", "654321")), ActorRefs.NoSender);

        var finish = ExpectMsg<FinishTransaction>();
        Assert.Equal("grocery-5", finish.Event.OfferId);
        Assert.Equal("5% off groceries next visit", new ReceivedMessage(finish.Reply, Iso87.Ascii)[63]);
        var use = _cards.ExpectMsg<RecordCardUse>().Use;
        Assert.Equal(("M00000000000001", "5411", true, false), (use.Mid, use.Mcc, use.Approved, use.DeclinedByRisk));
    }

    [Fact]
    public void A_declined_transaction_prints_no_offer()
    {
        Send(Start(new CardOffer("grocery-5", "5% off"))).ReplyTo.Tell(new AcquirerResponse(Answer("05")), ActorRefs.NoSender);

        var finish = ExpectMsg<FinishTransaction>();
        Assert.Equal(string.Empty, finish.Event.OfferId);
        Assert.False(new ReceivedMessage(finish.Reply, Iso87.Ascii).Has(63));
    }

    [Fact]
    public void With_no_link_up_nothing_is_journaled_ahead_and_the_answer_is_91()
    {
        _transaction.Tell(Authorize());
        ProceedAtCard();
        _router.ExpectMsg<PickAcquirer>();
        var decision = new RoutingDecision { Rule = "default", Strategy = "priority", Skipped = { new RoutingDecision.Types.Skipped { Acquirer = "acq-a", Reason = "link_down" } } };
        _router.Reply(new NoAcquirerAvailable(decision));

        var finish = ExpectMsg<FinishTransaction>();
        Assert.Equal((Outcome.Unavailable, "91"), (finish.Event.Outcome, finish.Event.ResponseCode));
        Assert.Equal(decision, finish.Event.Routing);
    }

    [Fact]
    public void A_timeout_queues_a_durable_reversal_before_the_terminal_hears_68()
    {
        var started = Start();
        Send(started).ReplyTo.Tell(new AcquirerTimedOut(default), ActorRefs.NoSender);

        Assert.Equal(started, _reversals.ExpectMsg<QueueReversal>().Original);
        ExpectNoMsg(TimeSpan.Zero);
        _reversals.Reply(new ReversalAccepted(Rrn));

        var finish = ExpectMsg<FinishTransaction>();
        Assert.Equal((Outcome.ReversalQueued, "68"), (finish.Event.Outcome, finish.Event.ResponseCode));
    }

    [Fact]
    public void A_reversal_the_queue_refuses_is_answered_96_and_recorded_as_such()
    {
        var started = Start();
        Send(started).ReplyTo.Tell(new AcquirerTimedOut(default), ActorRefs.NoSender);

        _reversals.ExpectMsg<QueueReversal>();
        _reversals.Reply(new ReversalRefused(Rrn, "names another acquirer"));

        var finish = ExpectMsg<FinishTransaction>();
        Assert.Equal((Outcome.ReversalRefused, "96"), (finish.Event.Outcome, finish.Event.ResponseCode));
    }

    [Fact]
    public void A_link_lost_after_sending_queues_a_reversal_and_answers_91()
    {
        var started = Start();
        Send(started).ReplyTo.Tell(new AcquirerLinkLost(default), ActorRefs.NoSender);

        Assert.Equal(started, _reversals.ExpectMsg<QueueReversal>().Original);
        _reversals.Reply(new ReversalAccepted(Rrn));
        Assert.Equal("91", ExpectMsg<FinishTransaction>().Event.ResponseCode);
    }

    [Fact]
    public void A_link_that_never_replies_counts_as_a_timeout()
    {
        var started = Start();
        Send(started);

        ((TestScheduler)Sys.Scheduler).Advance(_route.Timeout + TimeSpan.FromSeconds(1));

        Assert.Equal(started, _reversals.ExpectMsg<QueueReversal>().Original);
        _reversals.Reply(new ReversalAccepted(Rrn));
        Assert.Equal("68", ExpectMsg<FinishTransaction>().Event.ResponseCode);
    }

    [Theory]
    [InlineData("duplicate", "94")]
    [InlineData("malformed", "96")]
    public void A_request_the_link_never_sent_needs_no_reversal(string reply, string code)
    {
        var sent = Send(Start());
        sent.ReplyTo.Tell(reply switch
        {
            "duplicate" => new AcquirerRejected(default, AcquirerRejection.DuplicateInFlight),
            _ => new AcquirerRejected(default, AcquirerRejection.Malformed),
        }, ActorRefs.NoSender);

        Assert.Equal(code, ExpectMsg<FinishTransaction>().Event.ResponseCode);
        _reversals.ExpectNoMsg(TimeSpan.Zero);
    }

    private void ProceedAtCard(CardOffer? offer = null)
    {
        _cards.ExpectMsg<AssessAuthorization>();
        _cards.Reply(new CardVerdict(CardVerdictKind.Proceed, "00", "risk allowed it", Allowed, Offer: offer));
    }

    private TransactionStarted Start(CardOffer? offer = null)
    {
        _transaction.Tell(Authorize());
        ProceedAtCard(offer);
        _router.ExpectMsg<PickAcquirer>();
        _router.Reply(new AcquirerPicked(_route, new RoutingDecision { Rule = "default", Strategy = "priority", Chosen = "acq-a" }));
        return ExpectMsg<JournalStarted>().Event;
    }

    private SendToAcquirer Send(TransactionStarted started)
    {
        _transaction.Tell(new StartedJournaled(started));
        return _link.ExpectMsg<SendToAcquirer>();
    }

    private static AuthorizeTransaction Authorize() => new(
        Purchase(TerminalMessages.ChallengeStep("C1")),
        Shop,
        Rrn,
        PanToken: "0123456789abcdef0123456789abcdef",
        MaskedPan: "476173******0010",
        ReceivedAt: DateTimeOffset.UnixEpoch,
        Terminal: new TerminalVelocity(new ActivityTotals(1, 1234), new ActivityTotals(3, 5000)));

    /// <summary>A purchase carrying <paramref name="field62"/>; the MCC it asks for is not the merchant's, which the switch overrides.</summary>
    private static byte[] Purchase(byte[] field62) =>
        FramedClient.Build(Iso87.Ascii, 200, (ref IsoMessageWriter w) =>
        {
            w.Write(2, "4761739001010010"u8);
            w.WriteNumber(3, 0);
            w.WriteNumber(4, 1234);
            w.WriteNumber(7, 1129120000);
            w.WriteNumber(11, 42);
            w.Write(18, "7995"u8);
            w.Write(41, "T0000001"u8);
            w.Write(42, "M00000000000009"u8);
            w.Write(49, "156"u8);
            w.Write(62, field62);
        });

    private static byte[] Answer(string code, string? authCode = null) =>
        FramedClient.Build(Iso87.Binary, 210, (ref IsoMessageWriter w) =>
        {
            w.WriteNumber(11, 42);
            w.Write(37, Rrn);
            if (authCode is not null)
            {
                w.Write(38, authCode);
            }

            w.Write(39, code);
            w.Write(41, "T0000001"u8);
        });
}
