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
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Actors.Transactions;

namespace Switch.Tests.Actors.Routing;

/// <summary>The transaction's side of routing: what it asks, what it reports, and when it may try another acquirer.</summary>
public sealed class TransactionFailoverTests : Akka.TestKit.Xunit2.TestKit
{
    private const string Rrn = "633341000001";
    private static readonly Merchant Shop = new("M00000000000001", "Demo Shop", "5411", "CN", ChallengePolicy.Risk);

    private readonly TestProbe _router;
    private readonly TestProbe _cards;
    private readonly (AcquirerRoute Route, TestProbe Link, TestProbe Reversals) _a;
    private readonly (AcquirerRoute Route, TestProbe Link, TestProbe Reversals) _b;
    private readonly IActorRef _transaction;

    public TransactionFailoverTests()
        : base("""akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """)
    {
        _router = CreateTestProbe();
        _cards = CreateTestProbe();
        _a = Acquirer("acq-a");
        _b = Acquirer("acq-b");
        var bins = new BinTable([new BinEntry("4761", "CN", "visa")]);
        _transaction = ChildActorOf(TransactionActor.Props(new TransactionSettings(Iso87.Ascii, _router.Ref, TimeSpan.FromSeconds(1), _cards.Ref, bins, TimeSpan.FromSeconds(5))));
    }

    [Fact]
    public void The_router_is_asked_with_what_the_rules_look_at()
    {
        var pick = Proceed();

        Assert.Equal(new RouteRequest("47617390", "visa", PaymentInstrument.Qr, 1234, "156", "5411", "CN"), pick.Request);
        Assert.Empty(pick.Tried);
    }

    [Fact]
    public void A_request_the_link_refused_unsent_goes_to_the_next_candidate_journaled_anew_under_the_same_rrn()
    {
        var first = Attempt(_a, Proceed());
        _a.Link.ExpectMsg<SendToAcquirer>().ReplyTo.Tell(new AcquirerUnavailable(default), ActorRefs.NoSender);

        Assert.Equal(new AcquirerOutcome("acq-a", AcquirerOutcomeKind.NotSent, null), _router.ExpectMsg<AcquirerOutcome>());
        var again = _router.ExpectMsg<PickAcquirer>();
        Assert.Equal(["acq-a"], again.Tried);
        var second = Attempt(_b, again, skipped: "acq-a");
        Assert.Equal((Rrn, Rrn, "acq-a", "acq-b"), (first.Rrn, second.Rrn, first.Acquirer, second.Acquirer));
        Assert.Equal(("acq-b", "acq-a", "tried"), (second.Routing.Chosen, second.Routing.Skipped[0].Acquirer, second.Routing.Skipped[0].Reason));

        _b.Link.ExpectMsg<SendToAcquirer>().ReplyTo.Tell(new AcquirerResponse(Answer("00")), ActorRefs.NoSender);
        var finish = ExpectMsg<FinishTransaction>().Event;
        Assert.Equal(("00", Outcome.Answered), (finish.ResponseCode, finish.Outcome));
        var outcome = _router.ExpectMsg<AcquirerOutcome>();
        Assert.Equal(("acq-b", AcquirerOutcomeKind.Approved), (outcome.Acquirer, outcome.Kind));
        _a.Reversals.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void When_every_candidate_refused_unsent_the_answer_is_91_with_nothing_to_reverse()
    {
        Attempt(_a, Proceed());
        _a.Link.ExpectMsg<SendToAcquirer>().ReplyTo.Tell(new AcquirerUnavailable(default), ActorRefs.NoSender);
        _router.ExpectMsg<AcquirerOutcome>();
        _router.ExpectMsg<PickAcquirer>();
        _router.Reply(new NoAcquirerAvailable(new RoutingDecision { Rule = "default", Strategy = "priority" }));

        var finish = ExpectMsg<FinishTransaction>();
        Assert.Equal((Outcome.Unavailable, "91"), (finish.Event.Outcome, finish.Event.ResponseCode));
        _a.Reversals.ExpectNoMsg(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("timeout")]
    [InlineData("lost")]
    [InlineData("silent")]
    public void A_request_that_may_have_reached_the_acquirer_is_reversed_there_and_never_sent_elsewhere(string what)
    {
        var started = Attempt(_a, Proceed());
        var sent = _a.Link.ExpectMsg<SendToAcquirer>();
        switch (what)
        {
            case "timeout":
                sent.ReplyTo.Tell(new AcquirerTimedOut(default), ActorRefs.NoSender);
                break;
            case "lost":
                sent.ReplyTo.Tell(new AcquirerLinkLost(default), ActorRefs.NoSender);
                break;
            default:
                ((TestScheduler)Sys.Scheduler).Advance(_a.Route.Timeout + TimeSpan.FromSeconds(1));
                break;
        }

        Assert.Equal(what == "lost" ? AcquirerOutcomeKind.TechnicalFailure : AcquirerOutcomeKind.TimedOut, _router.ExpectMsg<AcquirerOutcome>().Kind);
        Assert.Equal(started, _a.Reversals.ExpectMsg<QueueReversal>().Original);
        _a.Reversals.Reply(new ReversalAccepted(Rrn));
        Assert.Equal(Outcome.ReversalQueued, ExpectMsg<FinishTransaction>().Event.Outcome);
        _router.ExpectNoMsg(TimeSpan.Zero);
        _b.Link.ExpectNoMsg(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("00", AcquirerOutcomeKind.Approved)]
    [InlineData("51", AcquirerOutcomeKind.Declined)]
    [InlineData("05", AcquirerOutcomeKind.Declined)]
    [InlineData("91", AcquirerOutcomeKind.TechnicalFailure)]
    [InlineData("96", AcquirerOutcomeKind.TechnicalFailure)]
    public void An_answer_is_final_and_reported_with_its_latency(string code, AcquirerOutcomeKind kind)
    {
        Attempt(_a, Proceed());
        var sent = _a.Link.ExpectMsg<SendToAcquirer>();
        ((TestScheduler)Sys.Scheduler).Advance(TimeSpan.FromMilliseconds(120));
        sent.ReplyTo.Tell(new AcquirerResponse(Answer(code)), ActorRefs.NoSender);

        Assert.Equal(code, ExpectMsg<FinishTransaction>().Event.ResponseCode);
        Assert.Equal(new AcquirerOutcome("acq-a", kind, TimeSpan.FromMilliseconds(120)), _router.ExpectMsg<AcquirerOutcome>());
        _router.ExpectNoMsg(TimeSpan.Zero);
    }

    private (AcquirerRoute, TestProbe, TestProbe) Acquirer(string name)
    {
        var link = CreateTestProbe();
        var reversals = CreateTestProbe();
        return (new AcquirerRoute(name, link.Ref, reversals.Ref, Iso87.Ascii, TimeSpan.FromSeconds(5)), link, reversals);
    }

    /// <summary>The card lets the request through; returns what the router is asked.</summary>
    private PickAcquirer Proceed()
    {
        var request = TestRequests.Purchase().With(22, "031").Build();
        _transaction.Tell(new AuthorizeTransaction(request, Shop, Rrn, "0123456789abcdef0123456789abcdef", "476173******0010", DateTimeOffset.UnixEpoch,
            new TerminalVelocity(new ActivityTotals(1, 1234), new ActivityTotals(1, 1234))));
        _cards.ExpectMsg<AssessAuthorization>();
        _cards.Reply(new CardVerdict(CardVerdictKind.Proceed, "00", "risk allowed it", new RiskVerdict { Action = "allow" }));
        return _router.ExpectMsg<PickAcquirer>();
    }

    /// <summary>The router picks <paramref name="acquirer"/>; the write-ahead record is journaled and the request sent.</summary>
    private TransactionStarted Attempt((AcquirerRoute Route, TestProbe Link, TestProbe Reversals) acquirer, PickAcquirer pick, string? skipped = null)
    {
        var decision = new RoutingDecision { Rule = "default", Strategy = "priority", Chosen = acquirer.Route.Name };
        if (skipped is not null)
        {
            decision.Skipped.Add(new RoutingDecision.Types.Skipped { Acquirer = skipped, Reason = SkipReasons.Tried });
        }

        _router.Reply(new AcquirerPicked(acquirer.Route, decision));
        var started = ExpectMsg<JournalStarted>().Event;
        Assert.Equal(decision, started.Routing);
        _transaction.Tell(new StartedJournaled(started));
        return started;
    }

    private static byte[] Answer(string code) =>
        Support.FramedClient.Build(Iso87.Ascii, 210, (ref Switch.Protocol.Iso8583.IsoMessageWriter w) =>
        {
            w.WriteNumber(11, 123);
            w.Write(37, Rrn);
            w.Write(39, code);
            w.Write(41, "T0000001"u8);
        });
}
