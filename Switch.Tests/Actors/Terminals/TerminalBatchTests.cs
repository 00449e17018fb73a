using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Switch.Actors.Events;
using Switch.Actors.Reversals;
using Switch.Actors.Terminals;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Terminals;

/// <summary>
/// Batch reconciliation (0500/0510) on the terminal entity: scripted transaction children, a probe
/// as acq-a's reversal queue, the real SQLite journal, and time in the test's hands.
/// </summary>
public sealed class TerminalBatchTests : Akka.TestKit.Xunit2.TestKit
{
    private const string SchedulerConfig = """akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """;
    private const string Tid = "T0000001";
    private const string PersistenceId = "terminal-" + Tid;
    private const string Closed = "switch.events.v1.BatchClosed";

    private static readonly int[] TotalsFields = [74, 75, 76, 77, 86, 87, 88, 89];

    private readonly TestProbe _transactions;
    private readonly TestProbe _connection;
    private readonly TestProbe _reversals;
    private readonly TerminalEntitySettings _settings;

    public TerminalBatchTests()
        : base(ConfigurationFactory.ParseString(SchedulerConfig).WithFallback(SqliteJournal.NewConfig()))
    {
        _transactions = CreateTestProbe();
        _connection = CreateTestProbe();
        _reversals = CreateTestProbe();
        _settings = TerminalTestSettings.Create(Tid, _transactions.Ref, _reversals.Ref);
    }

    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    private Config Journal => Sys.Settings.Config;

    [Fact]
    public void Approved_sales_less_their_reversals_balance_00_and_the_next_batch_starts_empty()
    {
        var terminal = SignedOn();
        Approve(terminal, stan: 10, amount: 1000);
        var reversed = Approve(terminal, stan: 11, amount: 2500);
        Finish(terminal, stan: 12, amount: 1051, Outcome.Answered, "51");
        Finish(terminal, stan: 13, amount: 10091, Outcome.ReversalQueued, "68");
        Send(terminal, TerminalMessages.Purchase(Tid, stan: 14, amount: 700, pan: "4761739001010011"));
        Assert.Equal("14", Receive()[39]);
        Reverse(terminal, stan: 11, amount: 2500, reversed.Rrn);

        Send(terminal, Batch(stan: 20, new BatchCount(Sales: 2, SalesAmount: 3500, Reversals: 1, ReversalsAmount: 2500)));
        var reply = Receive();

        Assert.Equal(510, reply.Mti);
        Assert.Equal("00", reply[39]);
        Assert.Equal(("000020", Tid), (reply[11], reply[41]));
        Assert.Equal(
            ["0000000000", "0000000000", "0000000002", "0000000001", "0000000000000000", "0000000000000000", "0000000000003500", "0000000000002500"],
            TotalsFields.Select(f => reply[f]));
        Assert.Equal([PersistenceId], SqliteJournal.Tagged(Journal, TerminalActor.BatchTag));
        Assert.Empty(SqliteJournal.Tagged(Journal, TerminalActor.UnbalancedBatchTag));

        Send(terminal, Batch(stan: 21, BatchCount.Empty));
        Assert.Equal("00", Receive()[39]);
    }

    [Fact]
    public void Different_totals_are_answered_95_with_each_difference_logged_and_the_batch_closes_anyway()
    {
        var terminal = SignedOn();
        Approve(terminal, stan: 10, amount: 1000);

        EventFilter.Warning(contains: "debits number (76) terminal 2 switch 1; debits amount (88) terminal 3000 switch 1000").ExpectOne(() =>
        {
            Send(terminal, Batch(stan: 20, new BatchCount(Sales: 2, SalesAmount: 3000)));
            var reply = Receive();
            Assert.Equal(("95", "0000000002", "0000000000003000"), (reply[39], reply[76], reply[88]));
        });

        Assert.Equal([PersistenceId], SqliteJournal.Tagged(Journal, TerminalActor.UnbalancedBatchTag));
        Send(terminal, Batch(stan: 21, BatchCount.Empty));
        Assert.Equal("00", Receive()[39]);
    }

    [Fact]
    public void Field_97_is_echoed_and_compared_with_the_switch_net()
    {
        var terminal = SignedOn();
        Approve(terminal, stan: 10, amount: 1000);

        Send(terminal, Batch(stan: 20, new BatchCount(1, 1000), netSettlement: "D0000000000001000"));
        var balanced = Receive();
        Approve(terminal, stan: 11, amount: 400);
        EventFilter.Warning(contains: "net settlement (97) terminal -400 switch 400").ExpectOne(() =>
        {
            Send(terminal, Batch(stan: 21, new BatchCount(1, 400), netSettlement: "C0000000000000400"));
            Assert.Equal("95", Receive()[39]);
        });

        Assert.Equal(("00", "D0000000000001000"), (balanced[39], balanced[97]));
    }

    [Theory]
    [InlineData(74)]
    [InlineData(77)]
    [InlineData(88)]
    public void A_close_without_all_eight_totals_is_answered_30_and_the_batch_stays_open(int omitted)
    {
        var terminal = SignedOn();
        Approve(terminal, stan: 10, amount: 1000);

        Send(terminal, Batch(stan: 20, new BatchCount(1, 1000), omit: omitted));
        Assert.Equal("30", Receive()[39]);
        Send(terminal, Batch(stan: 21, new BatchCount(1, 1000)));

        Assert.Equal("00", Receive()[39]);
        Assert.Single(SqliteJournal.Manifests(Journal, PersistenceId), m => m == Closed);
    }

    [Fact]
    public void A_close_before_sign_on_is_answered_58_and_nothing_closes()
    {
        var terminal = Sys.ActorOf(TerminalActor.Props(Tid, _settings));

        Send(terminal, Batch(stan: 20, BatchCount.Empty));

        var reply = Receive();
        Assert.Equal((510, "58"), (reply.Mti, reply[39]));
        Assert.DoesNotContain(Closed, SqliteJournal.Manifests(Journal, PersistenceId));
    }

    [Fact]
    public void A_retransmitted_0500_or_its_0501_repeat_gets_the_same_0510_also_after_a_restart_and_closes_nothing_more()
    {
        var terminal = SignedOn();
        Approve(terminal, stan: 10, amount: 1000);
        var close = Batch(stan: 20, new BatchCount(1, 1500));
        Send(terminal, close);
        var first = ReceiveBytes();

        Send(terminal, close);
        Assert.Equal(first, ReceiveBytes());
        Send(terminal, TerminalMessages.Batch(Tid, stan: 20, new BatchCount(1, 1500), mti: 501));
        Assert.Equal(first, ReceiveBytes());
        terminal = Restart(terminal, _settings);
        Send(terminal, close);

        Assert.Equal(first, ReceiveBytes());
        Assert.Equal("95", new ReceivedMessage(first, Iso87.Ascii)[39]);
        Assert.Single(SqliteJournal.Manifests(Journal, PersistenceId), m => m == Closed);
    }

    [Fact]
    public void The_open_batch_and_the_closes_survive_a_restart_by_journal_replay()
    {
        var terminal = SignedOn();
        Approve(terminal, stan: 10, amount: 1000);
        Send(terminal, Batch(stan: 20, new BatchCount(1, 1000)));
        Assert.Equal("00", Receive()[39]);
        var sale = Approve(terminal, stan: 11, amount: 2000);
        Approve(terminal, stan: 12, amount: 3000);
        Reverse(terminal, stan: 11, amount: 2000, sale.Rrn);

        terminal = Restart(terminal, _settings);
        Send(terminal, Batch(stan: 21, new BatchCount(Sales: 2, SalesAmount: 5000, Reversals: 1, ReversalsAmount: 2000)));

        Assert.Equal("00", Receive()[39]);
    }

    [Fact]
    public void The_open_batch_and_the_closes_survive_recovery_from_the_snapshot_alone()
    {
        var settings = _settings with { SnapshotEvery = 2 };
        var terminal = SignedOn(settings);
        Approve(terminal, stan: 10, amount: 1000);
        Send(terminal, Batch(stan: 20, new BatchCount(1, 1000)));
        var closed = ReceiveBytes();
        Approve(terminal, stan: 11, amount: 2000);
        AwaitAssert(() => Assert.Contains("6", SqliteJournal.Snapshots(Journal, PersistenceId)));

        Watch(terminal);
        Sys.Stop(terminal);
        ExpectTerminated(terminal);
        SqliteJournal.DeleteEvents(Journal, PersistenceId);
        terminal = Sys.ActorOf(TerminalActor.Props(Tid, settings));

        Send(terminal, Batch(stan: 20, new BatchCount(1, 1000)));
        Assert.Equal(closed, ReceiveBytes());
        Send(terminal, Batch(stan: 21, new BatchCount(1, 2000)));
        Assert.Equal("00", Receive()[39]);
    }

    [Fact]
    public void A_reversal_counted_stays_counted_on_replay_after_the_reversal_window_has_forgotten_its_sale()
    {
        var settings = _settings with { ReversalWindow = TimeSpan.FromHours(1), PassivateAfter = TimeSpan.FromDays(3) };
        var terminal = SignedOn(settings);
        var sale = Approve(terminal, stan: 10, amount: 1000);
        Reverse(terminal, stan: 10, amount: 1000, sale.Rrn);

        Clock.Advance(TimeSpan.FromDays(2));
        terminal = Restart(terminal, settings);
        Send(terminal, Batch(stan: 20, new BatchCount(Sales: 1, SalesAmount: 1000, Reversals: 1, ReversalsAmount: 1000)));

        Assert.Equal("00", Receive()[39]);
    }

    [Fact]
    public void A_sale_is_reversed_in_the_batch_once_however_many_reversals_name_it_and_a_timed_out_one_not_at_all()
    {
        var terminal = SignedOn();
        var sale = Approve(terminal, stan: 10, amount: 1000);
        var timedOut = Finish(terminal, stan: 11, amount: 10091, Outcome.ReversalQueued, "68");
        Reverse(terminal, stan: 10, amount: 1000, sale.Rrn);

        Send(terminal, TerminalMessages.Reversal(Tid, stan: 12, amount: 1000, field90: Field90(stan: 10)));
        Assert.Equal("00", Receive()[39]);
        Send(terminal, TerminalMessages.Reversal(Tid, stan: 11, amount: 10091));
        var reversal = Receive();
        Assert.Equal(("00", timedOut.Rrn), (reversal[39], reversal[37]));
        _reversals.ExpectNoMsg(TimeSpan.Zero);

        Send(terminal, Batch(stan: 20, new BatchCount(Sales: 1, SalesAmount: 1000, Reversals: 1, ReversalsAmount: 1000)));
        Assert.Equal("00", Receive()[39]);
    }

    [Fact]
    public void A_sale_still_in_flight_at_the_close_belongs_to_the_next_batch_also_after_a_restart()
    {
        var terminal = SignedOn();
        Approve(terminal, stan: 10, amount: 1000);
        var (started, child) = Start(terminal, stan: 11, amount: 2000);

        Send(terminal, Batch(stan: 20, new BatchCount(1, 1000)));
        Assert.Equal("00", Receive()[39]);
        Complete(child, started, Outcome.Answered, "00");
        ReceiveBytes();
        terminal = Restart(terminal, _settings);
        Send(terminal, Batch(stan: 21, new BatchCount(1, 2000)));

        Assert.Equal("00", Receive()[39]);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteJournal.Delete(Sys.Settings.Config);
    }

    private IActorRef SignedOn(TerminalEntitySettings? settings = null)
    {
        var terminal = Sys.ActorOf(TerminalActor.Props(Tid, settings ?? _settings));
        Send(terminal, TerminalMessages.SignOn(Tid, stan: 1));
        Assert.Equal("00", Receive()[39]);
        return terminal;
    }

    private IActorRef Restart(IActorRef terminal, TerminalEntitySettings settings)
    {
        Watch(terminal);
        Sys.Stop(terminal);
        ExpectTerminated(terminal);
        return Sys.ActorOf(TerminalActor.Props(Tid, settings));
    }

    /// <summary>A purchase its child has journaled as sent to acq-a and not finished.</summary>
    private (TransactionStarted Started, IActorRef Child) Start(IActorRef terminal, int stan, long amount)
    {
        Send(terminal, TerminalMessages.Purchase(Tid, stan, amount));
        var authorize = _transactions.ExpectMsg<AuthorizeTransaction>();
        var child = _transactions.LastSender;
        var started = new TransactionStarted
        {
            Rrn = authorize.Rrn,
            Request = new RequestIdentity
            {
                Mti = 200,
                Stan = stan,
                TransmissionTime = TerminalMessages.TransmissionTime.ToString(System.Globalization.CultureInfo.InvariantCulture),
                AmountMinor = amount,
            },
            MaskedPan = authorize.MaskedPan,
            Mid = TerminalMessages.Mid,
            Acquirer = "acq-a",
            AtUnixMs = Clock.Now.ToUnixTimeMilliseconds(),
            Tid = Tid,
        };
        child.Tell(new ScriptedTransaction.ToParent(new JournalStarted(started)));
        _transactions.ExpectMsg<StartedJournaled>();
        return (started, child);
    }

    private void Complete(IActorRef child, TransactionStarted started, Outcome outcome, string code)
    {
        var completed = new TransactionCompleted
        {
            Rrn = started.Rrn,
            Request = started.Request,
            Outcome = outcome,
            ResponseCode = code,
            AtUnixMs = Clock.Now.ToUnixTimeMilliseconds(),
            MaskedPan = started.MaskedPan,
            Mid = started.Mid,
        };
        child.Tell(new ScriptedTransaction.ToParent(new FinishTransaction(completed, [0])));
    }

    /// <summary>A purchase sent to acq-a and answered as told, the answer heard by the terminal.</summary>
    private TransactionStarted Finish(IActorRef terminal, int stan, long amount, Outcome outcome, string code)
    {
        var (started, child) = Start(terminal, stan, amount);
        Complete(child, started, outcome, code);
        ReceiveBytes();
        return started;
    }

    private TransactionStarted Approve(IActorRef terminal, int stan, long amount) => Finish(terminal, stan, amount, Outcome.Answered, "00");

    /// <summary>The terminal reverses the sale it sent on <paramref name="stan"/>; the queue takes it; the 0410 says 00.</summary>
    private void Reverse(IActorRef terminal, int stan, long amount, string rrn)
    {
        Send(terminal, TerminalMessages.Reversal(Tid, stan, amount));
        Assert.Equal(rrn, _reversals.ExpectMsg<QueueReversal>().Original.Rrn);
        _reversals.Reply(new ReversalAccepted(rrn));
        var reply = Receive();
        Assert.Equal(("00", rrn), (reply[39], reply[37]));
    }

    private void Send(IActorRef terminal, byte[] message) =>
        terminal.Tell(new TerminalRequest(Tid, message, default(Tpdu), _connection.Ref));

    private byte[] ReceiveBytes() => _connection.ExpectMsg<TerminalReply>().Message;

    private ReceivedMessage Receive() => new(ReceiveBytes(), Iso87.Ascii);

    private static byte[] Batch(int stan, BatchCount totals, string? netSettlement = null, int omit = 0) =>
        TerminalMessages.Batch(Tid, stan, totals, netSettlement, omit);

    private static string Field90(int stan) =>
        new Switch.Actors.Transactions.OriginalDataElements(200, stan, TerminalMessages.TransmissionTime, AcquiringInstitutionId: 0, ForwardingInstitutionId: 0).ToDigits();
}
