using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Switch.Actors.Events;
using Switch.Actors.Registry;
using Switch.Actors.Reversals;
using Switch.Actors.Terminals;
using Switch.Actors.Transactions;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Terminals;

/// <summary>
/// Reversals from the terminal (0400/0401), with a probe as the acquirer's reversal queue, on the
/// real SQLite journal and with time in the test's hands (TestScheduler), so the reversal window
/// can pass without waiting for it.
/// </summary>
public sealed class TerminalReversalTests : Akka.TestKit.Xunit2.TestKit
{
    private const string SchedulerConfig = """akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """;
    private const string Tid = "T0000001";
    private const string Mid = TerminalMessages.Mid;
    private const string PersistenceId = "terminal-" + Tid;
    private const long Sent = TerminalMessages.TransmissionTime;
    private const string Reversed = "switch.events.v1.TerminalReversalCompleted";

    private readonly TestProbe _transactions;
    private readonly TestProbe _connection;
    private readonly TestProbe _reversals;
    private readonly TerminalEntitySettings _settings;

    public TerminalReversalTests()
        : base(ConfigurationFactory.ParseString(SchedulerConfig).WithFallback(SqliteJournal.NewConfig()))
    {
        _transactions = CreateTestProbe();
        _connection = CreateTestProbe();
        _reversals = CreateTestProbe();
        var transactions = _transactions.Ref;
        var reversals = _reversals.Ref;
        _settings = TerminalTestSettings.Create(Tid, transactions, reversals);
    }

    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    private Config Journal => Sys.Settings.Config;

    [Fact]
    public void An_approved_purchase_named_by_field_90_is_queued_and_answered_00_only_once_durable()
    {
        var terminal = SignedOn();
        var original = Approve(terminal, stan: 30, amount: 1000);

        var reversal = Reversal(stan: 31, amount: 1000, field90: Field90(200, stan: 30));
        Send(terminal, reversal);

        Assert.Equal(original, _reversals.ExpectMsg<QueueReversal>().Original);
        _connection.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        _reversals.Reply(new ReversalAccepted(original.Rrn));

        var reply = Receive();
        Assert.Equal(410, reply.Mti);
        Assert.Equal(("00", original.Rrn, "000031"), (reply[39], reply[37], reply[11]));
        Assert.Equal(Field90(200, stan: 30), reply[90]);
        Assert.Contains(Reversed, SqliteJournal.Manifests(Journal, PersistenceId));
        Assert.Equal(3, SqliteJournal.Tagged(Journal, "rrn:" + original.Rrn).Count(id => id == PersistenceId));
    }

    [Fact]
    public void Without_field_90_the_original_is_found_by_the_stan_the_terminal_repeats()
    {
        var terminal = SignedOn();
        Approve(terminal, stan: 32, amount: 2000);
        var original = Approve(terminal, stan: 33, amount: 3000);

        Send(terminal, Reversal(stan: 33, amount: 3000));

        Assert.Equal(original.Rrn, _reversals.ExpectMsg<QueueReversal>().Original.Rrn);
        _reversals.Reply(new ReversalAccepted(original.Rrn));
        Assert.Equal(("00", original.Rrn), Answer(Receive()));
    }

    [Fact]
    public void An_original_declined_locally_is_acknowledged_00_without_the_queue()
    {
        var terminal = SignedOn();
        Send(terminal, Purchase(stan: 34, amount: 1000, pan: "4761739001010011"));
        var declined = Receive();
        Assert.Equal("14", declined[39]);

        Send(terminal, Reversal(stan: 34, amount: 1000));

        Assert.Equal(("00", declined[37]), Answer(Receive()));
        _reversals.ExpectNoMsg(TimeSpan.Zero);
        Assert.Contains(Reversed, SqliteJournal.Manifests(Journal, PersistenceId));
    }

    [Fact]
    public void An_unknown_original_is_answered_25_without_an_rrn()
    {
        var terminal = SignedOn();
        Approve(terminal, stan: 35, amount: 1000);

        Send(terminal, Reversal(stan: 36, amount: 1000, field90: Field90(200, stan: 35, sent: Sent + 1)));
        var reply = Receive();
        Send(terminal, Reversal(stan: 37, amount: 1000));
        var byStan = Receive();

        Assert.Equal(("25", false), (reply[39], reply.Has(37)));
        Assert.Equal("25", byStan[39]);
        _reversals.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_repeat_0401_is_answered_00_again_without_queuing_again()
    {
        var terminal = SignedOn();
        var original = Approve(terminal, stan: 38, amount: 1000);
        Send(terminal, Reversal(stan: 38, amount: 1000));
        _reversals.ExpectMsg<QueueReversal>();
        _reversals.Reply(new ReversalAccepted(original.Rrn));
        var first = ReceiveBytes();

        Send(terminal, Reversal(stan: 38, amount: 1000, mti: 401));
        Assert.Equal(first, ReceiveBytes());
        Send(terminal, Reversal(stan: 38, amount: 1000, mti: 401, sent: Sent + 500));
        Assert.Equal(("00", original.Rrn), Answer(Receive()));

        _reversals.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_retransmission_while_the_queue_has_not_answered_waits_for_the_same_0410()
    {
        var terminal = SignedOn();
        var original = Approve(terminal, stan: 39, amount: 1000);
        Send(terminal, Reversal(stan: 39, amount: 1000));
        _reversals.ExpectMsg<QueueReversal>();

        // Asked again, harmlessly: the queue dedups by RRN and answers each.
        Send(terminal, Reversal(stan: 39, amount: 1000));
        _reversals.ExpectMsg<QueueReversal>();
        _reversals.Reply(new ReversalAccepted(original.Rrn));
        _reversals.Reply(new ReversalAccepted(original.Rrn));

        Assert.Equal(ReceiveBytes(), ReceiveBytes());
        _connection.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Single(SqliteJournal.Manifests(Journal, PersistenceId), m => m == Reversed);
    }

    [Fact]
    public void An_original_in_flight_is_reversed_once_its_outcome_is_known_and_still_gets_its_own_answer()
    {
        var terminal = SignedOn();
        var (started, child) = Start(terminal, stan: 40, amount: 1000);

        Send(terminal, Reversal(stan: 41, amount: 1000, field90: Field90(200, stan: 40)));
        _reversals.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Finish(child, started, Outcome.Answered, "00", reply: [2, 1, 0]);

        Assert.Equal(new byte[] { 2, 1, 0 }, ReceiveBytes());
        Assert.Equal(started, _reversals.ExpectMsg<QueueReversal>().Original);
        _connection.ExpectNoMsg(TimeSpan.Zero);
        _reversals.Reply(new ReversalAccepted(started.Rrn));
        Assert.Equal(("00", started.Rrn), Answer(Receive()));
    }

    [Fact]
    public void An_original_the_switch_reversed_after_a_timeout_is_acknowledged_without_queuing_again()
    {
        var terminal = SignedOn();
        var (started, child) = Start(terminal, stan: 42, amount: 1000);
        Send(terminal, Reversal(stan: 42, amount: 1000));

        Finish(child, started, Outcome.ReversalQueued, "68", reply: [6, 8]);

        Assert.Equal(new byte[] { 6, 8 }, ReceiveBytes());
        Assert.Equal(("00", started.Rrn), Answer(Receive()));
        _reversals.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_reversal_the_queue_refuses_is_answered_96()
    {
        var terminal = SignedOn();
        var original = Approve(terminal, stan: 43, amount: 1000);
        Send(terminal, Reversal(stan: 43, amount: 1000));
        _reversals.ExpectMsg<QueueReversal>();

        _reversals.Reply(new ReversalRefused(original.Rrn, "scripted refusal"));

        Assert.Equal(("96", original.Rrn), Answer(Receive()));
    }

    [Fact]
    public void The_memory_of_reversible_transactions_and_their_reversals_survives_a_restart()
    {
        var terminal = SignedOn();
        var original = Approve(terminal, stan: 44, amount: 1000);

        terminal = Restart(terminal, _settings);
        Send(terminal, Reversal(stan: 44, amount: 1000));
        Assert.Equal(original, _reversals.ExpectMsg<QueueReversal>().Original);
        _reversals.Reply(new ReversalAccepted(original.Rrn));
        var first = ReceiveBytes();

        terminal = Restart(terminal, _settings);
        Send(terminal, Reversal(stan: 44, amount: 1000));
        Assert.Equal(first, ReceiveBytes());
        Send(terminal, Reversal(stan: 44, amount: 1000, mti: 401, sent: Sent + 500));
        Assert.Equal("00", Receive()[39]);
        _reversals.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void Recovery_from_the_snapshot_alone_keeps_the_reversal_memory()
    {
        var settings = _settings with { SnapshotEvery = 3 };
        var terminal = Sys.ActorOf(TerminalActor.Props(Tid, settings));
        Send(terminal, SignOn(stan: 1));
        Receive();
        var original = Approve(terminal, stan: 45, amount: 1000);
        AwaitAssert(() => Assert.NotEmpty(SqliteJournal.Snapshots(Journal, PersistenceId)));

        Watch(terminal);
        Sys.Stop(terminal);
        ExpectTerminated(terminal);
        SqliteJournal.DeleteEvents(Journal, PersistenceId);
        terminal = Sys.ActorOf(TerminalActor.Props(Tid, settings));

        Send(terminal, Reversal(stan: 45, amount: 1000));
        Assert.Equal(original, _reversals.ExpectMsg<QueueReversal>().Original);
    }

    [Fact]
    public void An_original_older_than_the_reversal_window_is_answered_25()
    {
        // Passivation stays out of the hour the clock is moved on.
        var settings = _settings with { ReversalWindow = TimeSpan.FromHours(1), DuplicateWindow = TimeSpan.FromMinutes(1), PassivateAfter = TimeSpan.FromDays(1) };
        var terminal = Sys.ActorOf(TerminalActor.Props(Tid, settings));
        Send(terminal, SignOn(stan: 1));
        Receive();
        Approve(terminal, stan: 46, amount: 1000);

        Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Send(terminal, Reversal(stan: 46, amount: 1000));

        Assert.Equal("25", Receive()[39]);
        _reversals.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void The_hand_off_stop_waits_for_a_reversal_the_queue_has_not_accepted_yet()
    {
        var terminal = SignedOn();
        var original = Approve(terminal, stan: 47, amount: 1000);
        Send(terminal, Reversal(stan: 47, amount: 1000));
        _reversals.ExpectMsg<QueueReversal>();
        Watch(terminal);

        terminal.Tell(StopTerminal.Instance);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        _reversals.Reply(new ReversalAccepted(original.Rrn));

        Assert.Equal("00", Receive()[39]);
        ExpectTerminated(terminal);
    }

    [Fact]
    public void A_reversal_left_by_a_restart_goes_to_the_queue_again_until_the_queue_accepts_it()
    {
        var terminal = SignedOn();
        var (started, _) = Start(terminal, stan: 40, amount: 4000);

        terminal = Restart(terminal, _settings);
        Assert.Equal(started, _reversals.ExpectMsg<QueueReversal>().Original);
        // The queue was restarting after its journal failed, and that first message was lost.
        Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(started, _reversals.ExpectMsg<QueueReversal>().Original);
        _reversals.Reply(new ReversalAccepted(started.Rrn));
        AwaitAssert(() => Assert.Contains("switch.events.v1.TransactionCompleted", SqliteJournal.Manifests(Journal, PersistenceId)));

        Clock.Advance(TimeSpan.FromSeconds(15));
        _reversals.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_reversal_naming_no_authorization_or_purchase_is_answered_12()
    {
        var terminal = SignedOn();

        Send(terminal, Reversal(stan: 48, amount: 1000, field90: Field90(800, stan: 1)));

        Assert.Equal("12", Receive()[39]);
        _reversals.ExpectNoMsg(TimeSpan.Zero);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteJournal.Delete(Sys.Settings.Config);
    }

    private static (string Code, string Rrn) Answer(ReceivedMessage reply)
    {
        Assert.Equal(410, reply.Mti);
        return (reply[39], reply[37]);
    }

    private IActorRef SignedOn()
    {
        var terminal = Sys.ActorOf(TerminalActor.Props(Tid, _settings));
        Send(terminal, SignOn(stan: 1));
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

    /// <summary>A purchase the child has journaled as started (sent to acq-a) and not finished.</summary>
    private (TransactionStarted Started, IActorRef Child) Start(IActorRef terminal, int stan, long amount)
    {
        Send(terminal, Purchase(stan, amount));
        var authorize = _transactions.ExpectMsg<AuthorizeTransaction>();
        var child = _transactions.LastSender;
        var started = new TransactionStarted
        {
            Rrn = authorize.Rrn,
            Request = Identity(stan, amount),
            ProcessingCode = "000000",
            Currency = "156",
            MaskedPan = authorize.MaskedPan,
            Mid = Mid,
            Acquirer = "acq-a",
            AtUnixMs = Clock.Now.ToUnixTimeMilliseconds(),
            Tid = Tid,
        };
        child.Tell(new ScriptedTransaction.ToParent(new JournalStarted(started)));
        _transactions.ExpectMsg<StartedJournaled>();
        return (started, child);
    }

    private void Finish(IActorRef child, TransactionStarted started, Outcome outcome, string code, byte[] reply)
    {
        var completed = new TransactionCompleted
        {
            Rrn = started.Rrn,
            Request = started.Request,
            Outcome = outcome,
            ResponseCode = code,
            AtUnixMs = Clock.Now.ToUnixTimeMilliseconds(),
            MaskedPan = started.MaskedPan,
            Mid = Mid,
        };
        child.Tell(new ScriptedTransaction.ToParent(new FinishTransaction(completed, reply)));
    }

    /// <summary>A purchase approved by acq-a: what a reversal of it must be built from.</summary>
    private TransactionStarted Approve(IActorRef terminal, int stan, long amount)
    {
        var (started, child) = Start(terminal, stan, amount);
        Finish(child, started, Outcome.Answered, "00", reply: [0, 0]);
        ReceiveBytes();
        return started;
    }

    private void Send(IActorRef terminal, byte[] message) =>
        terminal.Tell(new TerminalRequest(Tid, message, default(Tpdu), _connection.Ref));

    private byte[] ReceiveBytes() => _connection.ExpectMsg<TerminalReply>().Message;

    private ReceivedMessage Receive() => new(ReceiveBytes(), Iso87.Ascii);

    private static string Field90(int mti, int stan, long sent = Sent) =>
        new OriginalDataElements(mti, stan, sent, AcquiringInstitutionId: 0, ForwardingInstitutionId: 0).ToDigits();

    private static byte[] SignOn(int stan) => TerminalMessages.SignOn(Tid, stan);

    private static byte[] Purchase(int stan, long amount, string pan = TerminalMessages.Pan) => TerminalMessages.Purchase(Tid, stan, amount, pan);

    private static byte[] Reversal(int stan, long amount, string? field90 = null, int mti = 400, long sent = Sent) =>
        TerminalMessages.Reversal(Tid, stan, amount, field90, mti, sent);

    private static RequestIdentity Identity(int stan, long amount) =>
        new() { Mti = 200, Stan = stan, TransmissionTime = Sent.ToString(System.Globalization.CultureInfo.InvariantCulture), AmountMinor = amount };
}
