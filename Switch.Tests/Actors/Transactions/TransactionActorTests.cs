using Akka.Actor;
using Akka.TestKit;
using Switch.Actors.Acquirers;
using Switch.Actors.Events;
using Switch.Actors.Registry;
using Switch.Actors.Reversals;
using Switch.Actors.Routing;
using Switch.Actors.Terminals;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Protocol.Iso8583.Tlv;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Transactions;

public sealed class TransactionActorTests : Akka.TestKit.Xunit2.TestKit
{
    private const string Rrn = "633341000001";
    private static readonly Merchant Shop = new("M00000000000001", "Demo Shop", "5411", "CN", ChallengePolicy.Risk);

    private readonly TestProbe _router;
    private readonly TestProbe _link;
    private readonly TestProbe _reversals;
    private readonly AcquirerRoute _route;
    private readonly IActorRef _transaction;

    public TransactionActorTests()
        : base("""akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """)
    {
        _router = CreateTestProbe();
        _link = CreateTestProbe();
        _reversals = CreateTestProbe();
        _route = new AcquirerRoute("acq-a", _link.Ref, _reversals.Ref, Iso87.Binary, TimeSpan.FromSeconds(5));
        _transaction = ChildActorOf(TransactionActor.Props(new TransactionSettings(Iso87.Ascii, _router.Ref, TimeSpan.FromSeconds(1))));
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
        Assert.False(request.Has(62));

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
    public void With_no_link_up_nothing_is_journaled_ahead_and_the_answer_is_91()
    {
        _transaction.Tell(Authorize());
        _router.ExpectMsg<PickAcquirer>();
        _router.Reply(NoAcquirerAvailable.Instance);

        var finish = ExpectMsg<FinishTransaction>();
        Assert.Equal((Outcome.Unavailable, "91"), (finish.Event.Outcome, finish.Event.ResponseCode));
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
    [InlineData("unavailable", "91")]
    [InlineData("duplicate", "94")]
    [InlineData("malformed", "96")]
    public void A_request_the_link_never_sent_needs_no_reversal(string reply, string code)
    {
        var sent = Send(Start());
        sent.ReplyTo.Tell(reply switch
        {
            "unavailable" => new AcquirerUnavailable(default),
            "duplicate" => new AcquirerRejected(default, AcquirerRejection.DuplicateInFlight),
            _ => new AcquirerRejected(default, AcquirerRejection.Malformed),
        }, ActorRefs.NoSender);

        Assert.Equal(code, ExpectMsg<FinishTransaction>().Event.ResponseCode);
        _reversals.ExpectNoMsg(TimeSpan.Zero);
    }

    private TransactionStarted Start()
    {
        _transaction.Tell(Authorize());
        _router.ExpectMsg<PickAcquirer>();
        _router.Reply(new AcquirerPicked(_route));
        return ExpectMsg<JournalStarted>().Event;
    }

    private SendToAcquirer Send(TransactionStarted started)
    {
        _transaction.Tell(new StartedJournaled(started));
        return _link.ExpectMsg<SendToAcquirer>();
    }

    private static AuthorizeTransaction Authorize() => new(
        FramedClient.Build(Iso87.Ascii, 200, (ref IsoMessageWriter w) =>
        {
            w.Write(2, "4761739001010010"u8);
            w.WriteNumber(3, 0);
            w.WriteNumber(4, 1234);
            w.WriteNumber(7, 1129120000);
            w.WriteNumber(11, 42);
            w.Write(41, "T0000001"u8);
            w.Write(42, "M00000000000001"u8);
            w.Write(49, "156"u8);
            var tlv = new TlvWriter(w.BeginField(62));
            tlv.Write(ChallengeTags.ChallengeId, "C1"u8);
            w.EndField(tlv.Written);
        }),
        Shop,
        Rrn,
        PanToken: "0123456789abcdef0123456789abcdef",
        MaskedPan: "476173******0010",
        ReceivedAt: DateTimeOffset.UnixEpoch);

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
