using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Switch.Actors.Acquirers;
using Switch.Actors.Events;
using Switch.Actors.Reversals;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;
using Xunit.Abstractions;
using static Switch.Tests.Actors.Acquirers.LinkTestMessages;

namespace Switch.Tests.Actors.Reversals;

/// <summary>
/// The queue on the real SQLite journal (the in-memory one hands tagged events back still wrapped
/// on recovery), a probe playing the acquirer's link, and time in the test's hands (TestScheduler).
/// Before each <see cref="TestScheduler.Advance"/> the test has let the queue handle the reply that
/// starts the timer it relies on (<see cref="Settle"/>).
/// </summary>
public sealed class StoreAndForwardActorTests : Akka.TestKit.Xunit2.TestKit
{
    private const string SchedulerConfig = """akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """;

    private const string Acquirer = "acq-a";
    private const string PersistenceId = "reversals-" + Acquirer;
    private const string Tid = "T0000001";
    private const string Mid = "M00000000000001";
    private const string Queued = "switch.events.v1.ReversalQueued";
    private const string Answered = "switch.events.v1.ReversalAnswered";

    private static readonly TimeSpan RetryMin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryMax = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    private readonly TestProbe _link;

    public StoreAndForwardActorTests(ITestOutputHelper output)
        : base(ConfigurationFactory.ParseString(SchedulerConfig).WithFallback(SqliteJournal.NewConfig()), output: output)
    {
        _link = CreateTestProbe();
        _link.IgnoreMessages<GetLinkStatus>();
    }

    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    private Config Journal => Sys.Settings.Config;

    [Fact]
    public void A_reversal_is_accepted_only_once_durable_and_tagged_with_its_rrn()
    {
        var queue = Spawn();

        Enqueue(queue, Original("633412000001", stan: 101));

        Assert.Equal([Queued], SqliteJournal.Manifests(Journal, PersistenceId));
        Assert.Equal([PersistenceId], SqliteJournal.Tagged(Journal, "rrn:633412000001"));
    }

    [Fact]
    public void Nothing_is_sent_while_the_link_is_down_and_an_0400_with_the_original_data_once_it_is_up()
    {
        var queue = Spawn();
        Enqueue(queue, Original("633412000002", stan: 102, amount: 1234));
        ExpectNothingSent(queue);
        LinkStatus("acq-b", up: true);
        ExpectNothingSent(queue);

        LinkStatus(Acquirer, up: true);

        var reversal = Parse(ExpectSent("633412000002", mti: 400));
        Assert.Equal([3, 4, 7, 11, 37, 41, 42, 49, 90], [.. Fields(reversal)]);
        Assert.Equal("000000", reversal[3]);
        Assert.Equal("000000001234", reversal[4]);
        Assert.Equal(Clock.Now.UtcDateTime.ToString("MMddHHmmss", CultureInfo.InvariantCulture), reversal[7]);
        Assert.Equal("000102", reversal[11]);
        Assert.Equal("633412000002", reversal[37]);
        Assert.Equal(Tid, reversal[41]);
        Assert.Equal(Mid, reversal[42]);
        Assert.Equal("156", reversal[49]);
        Assert.Equal("0200" + "000102" + "1129120000" + "00000000000" + "00000000000", reversal[90]);
    }

    [Fact]
    public void A_timed_out_reversal_is_repeated_as_0401_after_a_backoff_that_doubles_up_to_the_maximum()
    {
        var queue = Spawn();
        Enqueue(queue, Original("633412000003", stan: 103));
        LinkStatus(Acquirer, up: true);
        var sent = ExpectSent("633412000003", mti: 400);

        foreach (var seconds in new[] { 1, 2, 4, 4 })
        {
            sent.ReplyTo.Tell(new AcquirerTimedOut(KeyOf(sent.Message)));
            Settle(queue);
            Clock.Advance(TimeSpan.FromSeconds(seconds) - Tick);
            ExpectNothingSent(queue);
            Clock.Advance(Tick);

            sent = ExpectSent("633412000003", mti: 401);
            Assert.Equal(Clock.Now.UtcDateTime.ToString("MMddHHmmss", CultureInfo.InvariantCulture), Parse(sent)[7]);
            Assert.Equal("000103", Parse(sent)[11]);
        }
    }

    [Fact]
    public void Only_an_attempt_that_may_have_reached_the_acquirer_makes_the_next_a_repeat()
    {
        var queue = Spawn();
        Enqueue(queue, Original("633412000004", stan: 104));
        LinkStatus(Acquirer, up: true);
        var sent = ExpectSent("633412000004", mti: 400);

        sent.ReplyTo.Tell(new AcquirerUnavailable(KeyOf(sent.Message)));
        Settle(queue);
        Clock.Advance(TimeSpan.FromSeconds(1));
        sent = ExpectSent("633412000004", mti: 400);

        sent.ReplyTo.Tell(new AcquirerRejected(KeyOf(sent.Message), AcquirerRejection.DuplicateInFlight));
        Settle(queue);
        Clock.Advance(TimeSpan.FromSeconds(2));
        sent = ExpectSent("633412000004", mti: 400);

        sent.ReplyTo.Tell(new AcquirerLinkLost(KeyOf(sent.Message)));
        Settle(queue);
        Clock.Advance(TimeSpan.FromSeconds(4));
        ExpectSent("633412000004", mti: 401);
    }

    [Fact]
    public void An_answered_reversal_is_journaled_and_never_sent_again_whatever_its_response_code()
    {
        var queue = Spawn();
        Enqueue(queue, Original("633412000005", stan: 105));
        LinkStatus(Acquirer, up: true);
        var sent = ExpectSent("633412000005", mti: 400);

        sent.ReplyTo.Tell(new AcquirerResponse(Answer(sent.Message, "25")));

        AwaitAssert(() => Assert.Equal([Queued, Answered], SqliteJournal.Manifests(Journal, PersistenceId)));
        LinkStatus(Acquirer, up: false);
        LinkStatus(Acquirer, up: true);
        Clock.Advance(RetryMax * 2);
        ExpectNothingSent(queue);

        Enqueue(queue, Original("633412000005", stan: 105));
        ExpectNothingSent(queue);
        Assert.Equal([Queued, Answered], SqliteJournal.Manifests(Journal, PersistenceId));
    }

    [Fact]
    public void Queuing_an_rrn_again_is_accepted_without_a_second_event_or_a_second_reversal()
    {
        var queue = Spawn();
        var original = Original("633412000006", stan: 106);
        queue.Tell(new QueueReversal(original));
        queue.Tell(new QueueReversal(original));
        ExpectMsg(new ReversalAccepted("633412000006"));
        ExpectMsg(new ReversalAccepted("633412000006"));
        Enqueue(queue, original);

        Assert.Equal([Queued], SqliteJournal.Manifests(Journal, PersistenceId));
        LinkStatus(Acquirer, up: true);
        ExpectSent("633412000006", mti: 400);
        ExpectNothingSent(queue);
    }

    [Fact]
    public void After_a_restart_a_pending_reversal_is_repeated_as_0401_and_an_answered_one_is_not()
    {
        var queue = Spawn();
        Enqueue(queue, Original("633412000007", stan: 107));
        Enqueue(queue, Original("633412000008", stan: 108));
        LinkStatus(Acquirer, up: true);
        var answered = ExpectSent("633412000007", mti: 400);
        ExpectSent("633412000008", mti: 400);
        answered.ReplyTo.Tell(new AcquirerResponse(Answer(answered.Message, "00")));
        AwaitAssert(() => Assert.Equal([Queued, Queued, Answered], SqliteJournal.Manifests(Journal, PersistenceId)));
        Watch(queue);
        Sys.Stop(queue);
        ExpectTerminated(queue);

        // The link is already up: the new queue hears so only by asking it.
        var link = CreateTestProbe();
        Spawn(link: link);
        link.ExpectMsg<GetLinkStatus>();
        link.Reply(new AcquirerLinkStatus(Acquirer, IsUp: true));

        var resent = link.ExpectMsg<SendToAcquirer>();
        Assert.Equal(401, Parse(resent).Mti);
        Assert.Equal("633412000008", Parse(resent)[37]);
        Assert.Equal("000108", Parse(resent)[11]);
        link.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void At_most_the_in_flight_limit_awaits_the_acquirer_and_the_oldest_ready_goes_first()
    {
        var queue = Spawn(Settings(maxInFlight: 2));
        for (var i = 1; i <= 5; i++)
        {
            Enqueue(queue, Original($"63341210000{i}", stan: 110 + i));
        }

        LinkStatus(Acquirer, up: true);
        var first = ExpectSent("633412100001", mti: 400);
        var second = ExpectSent("633412100002", mti: 400);
        ExpectNothingSent(queue);

        first.ReplyTo.Tell(new AcquirerResponse(Answer(first.Message, "00")));
        var third = ExpectSent("633412100003", mti: 400);
        ExpectNothingSent(queue);

        second.ReplyTo.Tell(new AcquirerTimedOut(KeyOf(second.Message)));
        ExpectSent("633412100004", mti: 400);
        Clock.Advance(RetryMin);
        ExpectNothingSent(queue);

        // The second is ready again and older than the fifth.
        third.ReplyTo.Tell(new AcquirerResponse(Answer(third.Message, "00")));
        ExpectSent("633412100002", mti: 401);
        ExpectNothingSent(queue);
    }

    [Fact]
    public void Two_reversals_of_one_terminal_and_stan_are_never_in_flight_together()
    {
        var queue = Spawn();
        Enqueue(queue, Original("633412000011", stan: 111));
        Enqueue(queue, Original("633412000012", stan: 111));
        LinkStatus(Acquirer, up: true);
        var first = ExpectSent("633412000011", mti: 400);
        ExpectNothingSent(queue);

        first.ReplyTo.Tell(new AcquirerResponse(Answer(first.Message, "00")));

        ExpectSent("633412000012", mti: 400);
    }

    [Fact]
    public void A_reversal_for_another_acquirer_or_one_the_link_cannot_carry_is_refused_and_not_journaled()
    {
        var queue = Spawn();

        queue.Tell(new QueueReversal(Original("633412000013", stan: 113, acquirer: "acq-b")));
        Assert.Equal("633412000013", ExpectMsg<ReversalRefused>().Rrn);
        queue.Tell(new QueueReversal(Original("633412000014", stan: 114, tid: "T000000001")));
        Assert.Equal("633412000014", ExpectMsg<ReversalRefused>().Rrn);

        Assert.Empty(SqliteJournal.Manifests(Journal, PersistenceId));
    }

    [Fact]
    public void The_queue_recovers_from_its_snapshot_alone()
    {
        var queue = Spawn(Settings(snapshotEvery: 4));
        Enqueue(queue, Original("633412000021", stan: 121));
        Enqueue(queue, Original("633412000022", stan: 122));
        Enqueue(queue, Original("633412000023", stan: 123));
        LinkStatus(Acquirer, up: true);
        var answered = ExpectSent("633412000021", mti: 400);
        ExpectSent("633412000022", mti: 400);
        ExpectSent("633412000023", mti: 400);
        answered.ReplyTo.Tell(new AcquirerResponse(Answer(answered.Message, "00")));
        AwaitAssert(() => Assert.Equal(["4"], SqliteJournal.Snapshots(Journal, PersistenceId)));
        Watch(queue);
        Sys.Stop(queue);
        ExpectTerminated(queue);

        SqliteJournal.DeleteEvents(Journal, PersistenceId);
        queue = Spawn();
        LinkStatus(Acquirer, up: true);

        ExpectSent("633412000022", mti: 401);
        ExpectSent("633412000023", mti: 401);
        Enqueue(queue, Original("633412000021", stan: 121));
        ExpectNothingSent(queue);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteJournal.Delete(Sys.Settings.Config);
    }

    private static StoreAndForwardSettings Settings(int maxInFlight = 8, int snapshotEvery = 500) =>
        new(Acquirer, Iso87.Ascii, RetryMin, RetryMax, maxInFlight, snapshotEvery, AnsweredMemory: TimeSpan.FromDays(1));

    private static TransactionStarted Original(string rrn, int stan, long amount = 1234, string acquirer = Acquirer, string tid = Tid) => new()
    {
        Rrn = rrn,
        Request = new RequestIdentity { Mti = 200, Stan = stan, TransmissionTime = "1129120000", AmountMinor = amount },
        ProcessingCode = "000000",
        Currency = "156",
        PanToken = "9f86d081884c7d65",
        MaskedPan = "476173******0010",
        Mid = Mid,
        Mcc = "5411",
        Acquirer = acquirer,
        AtUnixMs = 1_796_000_000_000,
        Tid = tid,
    };

    private static ReceivedMessage Parse(SendToAcquirer sent) => new(sent.Message, Iso87.Ascii);

    private static List<int> Fields(ReceivedMessage message)
    {
        var fields = new List<int>();
        foreach (var field in message.Message.Fields)
        {
            fields.Add(field);
        }

        return fields;
    }

    /// <summary>Returns once the queue has started, so it hears every link status published after.</summary>
    private IActorRef Spawn(StoreAndForwardSettings? settings = null, TestProbe? link = null)
    {
        var queue = Sys.ActorOf(StoreAndForwardActor.Props(settings ?? Settings(), (link ?? _link).Ref));
        Settle(queue);
        return queue;
    }

    private void Enqueue(IActorRef queue, TransactionStarted original)
    {
        queue.Tell(new QueueReversal(original));
        ExpectMsg(new ReversalAccepted(original.Rrn));
    }

    private void LinkStatus(string acquirer, bool up) => Sys.EventStream.Publish(new AcquirerLinkStatus(acquirer, up));

    private SendToAcquirer ExpectSent(string rrn, int mti)
    {
        var sent = _link.ExpectMsg<SendToAcquirer>();
        var message = Parse(sent);
        Assert.Equal((rrn, mti), (message[37], message.Mti));
        return sent;
    }

    /// <summary>Returns once the queue has handled everything sent to it before.</summary>
    private void Settle(IActorRef queue)
    {
        var probe = CreateTestProbe();
        queue.Tell(new Identify(null), probe);
        probe.ExpectMsg<ActorIdentity>();
    }

    private void ExpectNothingSent(IActorRef queue)
    {
        Settle(queue);
        _link.ExpectNoMsg(Quiet);
    }
}
