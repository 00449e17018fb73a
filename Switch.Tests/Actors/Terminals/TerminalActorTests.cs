using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Switch.Actors.Events;
using Switch.Actors.Registry;
using Switch.Actors.Reversals;
using Switch.Actors.Serialization;
using Switch.Actors.Terminals;
using Switch.Actors.Transactions;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Terminals;

public sealed class TerminalActorTests : Akka.TestKit.Xunit2.TestKit
{
    private const string Tid = "T0000001";
    private const string Mid = "M00000000000001";
    private const string Pan = "4761739001010010";

    private readonly TestProbe _transactions;
    private readonly TestProbe _connection;
    private readonly TestProbe _reversals;
    private readonly TerminalEntitySettings _settings;

    // The real SQLite journal: the in-memory one hands tagged events back still wrapped on recovery.
    public TerminalActorTests()
        : base(SqliteJournal.NewConfig())
    {
        _transactions = CreateTestProbe();
        _connection = CreateTestProbe();
        var transactions = _transactions.Ref;
        _reversals = CreateTestProbe();
        var reversals = _reversals.Ref;
        _settings = TerminalTestSettings.Create(Tid, transactions, reversals);
    }

    [Fact]
    public void An_unregistered_terminal_is_answered_58()
    {
        var terminal = Spawn("T9999999");
        Send(terminal, "T9999999", SignOn(stan: 1, "T9999999"));

        var reply = Receive();
        Assert.Equal(810, reply.Mti);
        Assert.Equal("58", reply[39]);
    }

    [Fact]
    public void An_unregistered_terminal_flooding_sign_ons_is_answered_58_each_time_and_logged_once()
    {
        var terminal = Spawn("T9999999");

        EventFilter.Warning(contains: "is not registered").Expect(1, () =>
        {
            for (var stan = 1; stan <= 5; stan++)
            {
                Send(terminal, "T9999999", SignOn(stan, "T9999999"));
                Assert.Equal("58", Receive()[39]);
            }
        });
    }

    [Fact]
    public void Sign_on_echo_and_sign_off_are_answered_and_sign_on_survives_a_restart()
    {
        var terminal = Spawn();
        Send(terminal, Tid, SignOn(stan: 1));
        Assert.Equal("00", Receive()[39]);
        Send(terminal, Tid, NetworkManagement(stan: 2, code: 301));
        Assert.Equal("00", Receive()[39]);
        Send(terminal, Tid, NetworkManagement(stan: 3, code: 999));
        Assert.Equal("12", Receive()[39]);

        terminal = Restart(terminal);
        Send(terminal, Tid, Purchase(stan: 4, amount: 1000));
        _transactions.ExpectMsg<AuthorizeTransaction>();

        Send(terminal, Tid, NetworkManagement(stan: 5, code: 2));
        Assert.Equal("00", Receive()[39]);
        Send(terminal, Tid, Purchase(stan: 6, amount: 1000));
        Assert.Equal("58", Receive()[39]);
    }

    [Fact]
    public void A_purchase_before_sign_on_is_declined_58_with_an_rrn()
    {
        var terminal = Spawn();
        Send(terminal, Tid, Purchase(stan: 7, amount: 1000));

        var reply = Receive();
        Assert.Equal(210, reply.Mti);
        Assert.Equal("58", reply[39]);
        Assert.Matches("^[0-9]{12}$", reply[37]);
        _transactions.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_retransmission_of_a_declined_request_gets_the_same_answer_even_after_a_restart()
    {
        var terminal = SignedOn();
        Send(terminal, Tid, Purchase(stan: 8, amount: 1000, pan: "4761739001010011"));
        var first = ReceiveBytes();
        Assert.Equal("14", new ReceivedMessage(first, Iso87.Ascii)[39]);

        Send(terminal, Tid, Purchase(stan: 8, amount: 1000, pan: "4761739001010011"));
        Assert.Equal(first, ReceiveBytes());

        terminal = Restart(terminal);
        Send(terminal, Tid, Purchase(stan: 8, amount: 1000, pan: "4761739001010011"));
        Assert.Equal(first, ReceiveBytes());
    }

    [Fact]
    public void An_open_challenge_is_journaled_and_its_next_step_gets_a_new_child_under_the_same_rrn_even_after_a_restart()
    {
        var terminal = SignedOn();
        Send(terminal, Tid, Purchase(stan: 40, amount: 5000));
        var authorize = _transactions.ExpectMsg<AuthorizeTransaction>();
        Assert.Null(authorize.ChallengeId);
        var first = _transactions.LastSender;
        var challenge = FramedClient.Build(Iso87.Ascii, 210, (ref IsoMessageWriter w) => w.Write(39, "1A"u8));

        Watch(first);
        first.Tell(new ScriptedTransaction.ToParent(new AwaitChallenge(Awaited("CH40", authorize), challenge)));
        Assert.Equal(challenge, ReceiveBytes());
        ExpectTerminated(first);

        terminal = Restart(terminal);
        Send(terminal, Tid, Purchase(stan: 41, amount: 5000, challengeId: "CH40"));

        var next = _transactions.ExpectMsg<AuthorizeTransaction>();
        var second = _transactions.LastSender;
        Assert.Equal("CH40", next.ChallengeId);
        Assert.Equal(authorize.Rrn, next.Rrn);
        Assert.Equal(41, IsoMessage.Parse(next.Request, Iso87.Ascii).GetInt32(11));
        var approved = FramedClient.Build(Iso87.Ascii, 210, (ref IsoMessageWriter w) => w.Write(39, "00"u8));
        var completed = new TransactionCompleted { Rrn = authorize.Rrn, Request = Identity(stan: 41, amount: 5000), Outcome = Outcome.Answered, ResponseCode = "00", AtUnixMs = Sys.Scheduler.Now.ToUnixTimeMilliseconds() };
        second.Tell(new ScriptedTransaction.ToParent(new FinishTransaction(completed, approved)));
        Assert.Equal(approved, ReceiveBytes());

        // The transaction is over: its challenge id leads nowhere any more, not even after a restart.
        terminal = Restart(terminal);
        Send(terminal, Tid, Purchase(stan: 42, amount: 5000, challengeId: "CH40"));
        Assert.Equal("12", Receive()[39]);
        _transactions.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_challenge_id_named_for_another_card_is_answered_12_without_a_transaction()
    {
        var terminal = SignedOn();
        Send(terminal, Tid, Purchase(stan: 44, amount: 5000));
        var authorize = _transactions.ExpectMsg<AuthorizeTransaction>();
        var challenge = FramedClient.Build(Iso87.Ascii, 210, (ref IsoMessageWriter w) => w.Write(39, "1A"u8));
        _transactions.LastSender.Tell(new ScriptedTransaction.ToParent(new AwaitChallenge(Awaited("CH44", authorize), challenge)));
        Assert.Equal(challenge, ReceiveBytes());

        Send(terminal, Tid, Purchase(stan: 45, amount: 5000, pan: "4111111111111111", challengeId: "CH44"));

        Assert.Equal("12", Receive()[39]);
        _transactions.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Field_62_that_is_not_well_formed_tlv_is_answered_30_without_a_transaction()
    {
        var terminal = SignedOn();

        Send(terminal, Tid, TerminalMessages.Purchase(Tid, stan: 46, amount: 5000, new PurchaseOptions { Challenge = "CI999AB"u8.ToArray() }));

        Assert.Equal("30", Receive()[39]);
        _transactions.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Theory]
    [InlineData("M00000000000002", null)]
    [InlineData(Mid, "7995")]
    public void A_request_naming_another_merchant_or_mcc_is_refused_58_and_never_authorized(string mid, string? mcc)
    {
        var terminal = SignedOn();

        Send(terminal, Tid, TerminalMessages.Purchase(Tid, stan: 47, amount: 5000, new PurchaseOptions { Mid = mid, Mcc = mcc }));

        var reply = Receive();
        Assert.Equal("58", reply[39]);
        Assert.Matches("^[0-9]{12}$", reply[37]);
        _transactions.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_request_with_the_registered_mcc_is_authorized()
    {
        var terminal = SignedOn();

        Send(terminal, Tid, TerminalMessages.Purchase(Tid, stan: 48, amount: 5000, new PurchaseOptions { Mcc = "5411" }));

        _transactions.ExpectMsg<AuthorizeTransaction>();
    }

    [Theory]
    [InlineData("NOSUCHCHALLENGE")]
    [InlineData("CH 40")]
    public void A_request_naming_no_open_challenge_is_answered_12_without_a_transaction(string challengeId)
    {
        var terminal = SignedOn();

        Send(terminal, Tid, Purchase(stan: 43, amount: 5000, challengeId: challengeId));

        Assert.Equal("12", Receive()[39]);
        _transactions.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_purchase_carrying_only_track_2_is_authorized_under_the_pan_in_it()
    {
        var terminal = SignedOn();
        var purchase = FramedClient.Build(Iso87.Ascii, 200, (ref IsoMessageWriter w) =>
        {
            w.WriteNumber(3, 0);
            w.WriteNumber(4, 1234);
            w.WriteNumber(7, TerminalMessages.TransmissionTime);
            w.WriteNumber(11, 49);
            w.Write(35, $"{Pan}=30121010000000000000");
            w.Write(41, Tid);
            w.Write(42, Mid);
            w.Write(49, "156"u8);
        });

        Send(terminal, Tid, purchase);

        var authorize = _transactions.ExpectMsg<AuthorizeTransaction>();
        Assert.Equal("476173******0010", authorize.MaskedPan);
        Assert.Equal(new PanToken(new byte[32]).Compute(Pan.AsSpan()), authorize.PanToken);
    }

    [Fact]
    public void A_validated_request_is_authorized_by_a_child_that_the_terminal_journals_for()
    {
        var terminal = SignedOn();
        Send(terminal, Tid, Purchase(stan: 9, amount: 1234));

        var authorize = _transactions.ExpectMsg<AuthorizeTransaction>();
        var child = _transactions.LastSender;
        Assert.Equal("476173******0010", authorize.MaskedPan);
        Assert.Equal(32, authorize.PanToken.Length);
        Assert.Equal(Mid, authorize.Merchant.Mid);
        Assert.DoesNotContain(Pan, authorize.PanToken, StringComparison.Ordinal);

        var started = new TransactionStarted { Rrn = authorize.Rrn, Acquirer = "acq-a", Request = Identity(stan: 9, amount: 1234) };
        child.Tell(new ScriptedTransaction.ToParent(new JournalStarted(started)));
        Assert.Equal(started, _transactions.ExpectMsg<StartedJournaled>().Event);

        Send(terminal, Tid, Purchase(stan: 9, amount: 1234));
        Watch(child);
        var approved = FramedClient.Build(Iso87.Ascii, 210, (ref IsoMessageWriter w) => w.Write(39, "00"u8));
        var completed = new TransactionCompleted { Rrn = authorize.Rrn, Request = Identity(stan: 9, amount: 1234), Outcome = Outcome.Answered, ResponseCode = "00", AuthCode = "123456", AtUnixMs = Sys.Scheduler.Now.ToUnixTimeMilliseconds() };
        child.Tell(new ScriptedTransaction.ToParent(new FinishTransaction(completed, approved)));

        Assert.Equal(approved, ReceiveBytes());
        Assert.Equal(approved, ReceiveBytes());
        ExpectTerminated(child);

        Send(terminal, Tid, Purchase(stan: 9, amount: 1234));
        var replayed = Receive();
        Assert.Equal("00", replayed[39]);
        Assert.Equal("123456", replayed[38]);
        Assert.Equal(authorize.Rrn, replayed[37]);
    }

    [Fact]
    public void A_transaction_a_crash_left_in_flight_is_reversed_on_recovery_and_then_answered_68()
    {
        var terminal = SignedOn();
        Send(terminal, Tid, Purchase(stan: 12, amount: 4321));
        var authorize = _transactions.ExpectMsg<AuthorizeTransaction>();
        var started = new TransactionStarted { Rrn = authorize.Rrn, Acquirer = "acq-a", Tid = Tid, Request = Identity(stan: 12, amount: 4321), MaskedPan = authorize.MaskedPan, Mid = Mid };
        _transactions.LastSender.Tell(new ScriptedTransaction.ToParent(new JournalStarted(started)));
        _transactions.ExpectMsg<StartedJournaled>();

        terminal = Restart(terminal);
        Assert.Equal(started, _reversals.ExpectMsg<QueueReversal>().Original);

        // A retransmission before the reversal is durable joins the unfinished transaction: never a second authorization.
        Send(terminal, Tid, Purchase(stan: 12, amount: 4321));
        _reversals.Reply(new ReversalAccepted(started.Rrn));

        var reply = Receive();
        Assert.Equal(("68", started.Rrn), (reply[39], reply[37]));
        Send(terminal, Tid, Purchase(stan: 12, amount: 4321));
        Assert.Equal("68", Receive()[39]);
        _transactions.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_transaction_that_finished_is_not_reversed_on_recovery()
    {
        var terminal = SignedOn();
        Send(terminal, Tid, Purchase(stan: 13, amount: 1000));
        var authorize = _transactions.ExpectMsg<AuthorizeTransaction>();
        var child = _transactions.LastSender;
        child.Tell(new ScriptedTransaction.ToParent(new JournalStarted(new TransactionStarted { Rrn = authorize.Rrn, Acquirer = "acq-a", Request = Identity(stan: 13, amount: 1000) })));
        _transactions.ExpectMsg<StartedJournaled>();
        var completed = new TransactionCompleted { Rrn = authorize.Rrn, Request = Identity(stan: 13, amount: 1000), Outcome = Outcome.Answered, ResponseCode = "00", AtUnixMs = Sys.Scheduler.Now.ToUnixTimeMilliseconds() };
        child.Tell(new ScriptedTransaction.ToParent(new FinishTransaction(completed, [1])));
        ReceiveBytes();

        terminal = Restart(terminal);
        Send(terminal, Tid, NetworkManagement(stan: 14, code: 301));
        Assert.Equal("00", Receive()[39]);

        _reversals.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void Recovery_from_the_snapshot_alone_keeps_sign_on_and_the_duplicate_window()
    {
        var settings = _settings with { SnapshotEvery = 3 };
        var terminal = Sys.ActorOf(TerminalActor.Props(Tid, settings));
        Send(terminal, Tid, SignOn(stan: 1));
        Receive();
        Send(terminal, Tid, Purchase(stan: 15, amount: 1000, pan: "4761739001010011"));
        var declined = ReceiveBytes();
        Send(terminal, Tid, Purchase(stan: 16, amount: 1000, pan: "4761739001010011"));
        ReceiveBytes();
        AwaitAssert(() => Assert.NotEmpty(SqliteJournal.Snapshots(Sys.Settings.Config, "terminal-" + Tid)));

        Watch(terminal);
        Sys.Stop(terminal);
        ExpectTerminated(terminal);
        SqliteJournal.DeleteEvents(Sys.Settings.Config, "terminal-" + Tid);
        terminal = Sys.ActorOf(TerminalActor.Props(Tid, settings));

        Send(terminal, Tid, Purchase(stan: 15, amount: 1000, pan: "4761739001010011"));
        Assert.Equal(declined, ReceiveBytes());
        Send(terminal, Tid, Purchase(stan: 17, amount: 1000));
        _transactions.ExpectMsg<AuthorizeTransaction>();
    }

    [Fact]
    public void A_transaction_that_fails_before_sending_is_answered_96()
    {
        var terminal = SignedOn();
        Send(terminal, Tid, Purchase(stan: 18, amount: 1000));
        _transactions.ExpectMsg<AuthorizeTransaction>();
        _transactions.LastSender.Tell(new ScriptedTransaction.Crash());

        Assert.Equal("96", Receive()[39]);
        _reversals.ExpectNoMsg(TimeSpan.Zero);
        Send(terminal, Tid, Purchase(stan: 18, amount: 1000));
        Assert.Equal("96", Receive()[39]);
    }

    [Fact]
    public void A_transaction_that_fails_after_its_write_ahead_record_is_reversed_and_answered_68()
    {
        var terminal = SignedOn();
        Send(terminal, Tid, Purchase(stan: 19, amount: 1000));
        var authorize = _transactions.ExpectMsg<AuthorizeTransaction>();
        var child = _transactions.LastSender;
        var started = new TransactionStarted { Rrn = authorize.Rrn, Acquirer = "acq-a", Tid = Tid, Request = Identity(stan: 19, amount: 1000) };
        child.Tell(new ScriptedTransaction.ToParent(new JournalStarted(started)));
        _transactions.ExpectMsg<StartedJournaled>();

        child.Tell(new ScriptedTransaction.Crash());

        Assert.Equal(started, _reversals.ExpectMsg<QueueReversal>().Original);
        _reversals.Reply(new ReversalAccepted(started.Rrn));
        var reply = Receive();
        Assert.Equal(("68", started.Rrn), (reply[39], reply[37]));
    }

    [Fact]
    public void A_different_request_reusing_a_live_stan_is_answered_94()
    {
        var terminal = SignedOn();
        Send(terminal, Tid, Purchase(stan: 10, amount: 1000));
        _transactions.ExpectMsg<AuthorizeTransaction>();

        Send(terminal, Tid, Purchase(stan: 10, amount: 2000));

        Assert.Equal("94", Receive()[39]);
    }

    [Fact]
    public void The_hand_off_stop_waits_for_the_transaction_in_flight()
    {
        var terminal = SignedOn();
        Send(terminal, Tid, Purchase(stan: 11, amount: 1000));
        var authorize = _transactions.ExpectMsg<AuthorizeTransaction>();
        var child = _transactions.LastSender;
        Watch(terminal);

        terminal.Tell(StopTerminal.Instance);
        var completed = new TransactionCompleted { Rrn = authorize.Rrn, Request = Identity(stan: 11, amount: 1000), Outcome = Outcome.Answered, ResponseCode = "05", AtUnixMs = Sys.Scheduler.Now.ToUnixTimeMilliseconds() };
        child.Tell(new ScriptedTransaction.ToParent(new FinishTransaction(completed, [1, 2, 3])));

        Assert.Equal(new byte[] { 1, 2, 3 }, ReceiveBytes());
        ExpectTerminated(terminal);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteJournal.Delete(Sys.Settings.Config);
    }

    private IActorRef Spawn(string tid = Tid) => Sys.ActorOf(TerminalActor.Props(tid, _settings));

    private IActorRef SignedOn()
    {
        var terminal = Spawn();
        Send(terminal, Tid, SignOn(stan: 1));
        Assert.Equal("00", Receive()[39]);
        return terminal;
    }

    private IActorRef Restart(IActorRef terminal)
    {
        Watch(terminal);
        Sys.Stop(terminal);
        ExpectTerminated(terminal);
        return Spawn();
    }

    private void Send(IActorRef terminal, string tid, byte[] message) =>
        terminal.Tell(new TerminalRequest(tid, message, default(Tpdu), _connection.Ref));

    private byte[] ReceiveBytes() => _connection.ExpectMsg<TerminalReply>().Message;

    private ReceivedMessage Receive() => new(ReceiveBytes(), Iso87.Ascii);

    private static byte[] SignOn(int stan, string tid = Tid) => TerminalMessages.SignOn(tid, stan);

    private static byte[] NetworkManagement(int stan, int code, string tid = Tid) => TerminalMessages.NetworkManagement(tid, stan, code);

    private ChallengeAwaited Awaited(string challengeId, AuthorizeTransaction authorize) => new()
    {
        ChallengeId = challengeId,
        Rrn = authorize.Rrn,
        CardToken = authorize.PanToken,
        AtUnixMs = Sys.Scheduler.Now.ToUnixTimeMilliseconds(),
        MaskedPan = authorize.MaskedPan,
        Mid = authorize.Merchant.Mid,
    };

    private static byte[] Purchase(int stan, long amount, string pan = Pan, string? challengeId = null) =>
        TerminalMessages.Purchase(Tid, stan, amount, pan, challengeId: challengeId);

    private static RequestIdentity Identity(int stan, long amount) =>
        new() { Mti = 200, Stan = stan, TransmissionTime = "1129120000", AmountMinor = amount };
}
