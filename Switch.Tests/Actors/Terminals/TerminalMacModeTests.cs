using Akka.Actor;
using Akka.TestKit;
using Switch.Actors.Events;
using Switch.Actors.Registry;
using Switch.Actors.Terminals;
using Switch.Actors.Terminals.Keys;
using Switch.Actors.Transactions;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Protocol.Security;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Terminals;

/// <summary>
/// <c>switch.terminals.mac</c> at the terminal entity: required refuses every financial message of a
/// terminal without a master key (63, counted as no-key, logged once, nothing sent on or journaled)
/// and lets it sign on, echo and sign off; a keyed terminal is served as in optional, the default,
/// where a keyless terminal is served as DESIGN.md describes.
/// </summary>
[Collection(KeylessMacRefusals.Name)]
public sealed class TerminalMacModeTests : Akka.TestKit.Xunit2.TestKit
{
    private const string Keyless = "T0000001";
    private const string Keyed = "T0000002";

    private readonly TestProbe _transactions;
    private readonly TestProbe _connection;
    private readonly TestProbe _reversals;
    private readonly TerminalEntitySettings _settings;

    public TerminalMacModeTests()
        : base(SqliteJournal.NewConfig())
    {
        _transactions = CreateTestProbe();
        _connection = CreateTestProbe();
        _reversals = CreateTestProbe();
        var keys = new TerminalKeyCipher(new byte[32]);
        var directory = new TerminalDirectory(
            [new Merchant(TerminalMessages.Mid, "Demo Shop", "5411", "CN", ChallengePolicy.Risk)],
            [new TerminalRegistration(Keyless, TerminalMessages.Mid), new TerminalRegistration(Keyed, TerminalMessages.Mid, keys.Seal(Keyed, MacTerminal.MasterKey))]);
        _settings = TerminalTestSettings.Create(Keyless, _transactions.Ref, _reversals.Ref) with { Directory = directory, KeyCipher = keys };
    }

    [Fact]
    public void Required_answers_a_keyless_terminal_s_financial_messages_63_counted_logged_once_and_sent_nowhere()
    {
        using var failures = new ReasonCounts(TerminalMacMetrics.FailuresName);
        var terminal = Spawn(Keyless, TerminalMacMode.Required);
        var signOn = Exchange(terminal, Keyless, TerminalMessages.SignOn(Keyless, stan: 1));
        Assert.Equal("00", signOn[39]);
        Assert.False(signOn.Has(62));
        Assert.Equal("00", Exchange(terminal, Keyless, TerminalMessages.NetworkManagement(Keyless, stan: 2, code: 301))[39]);

        var refused = new List<ReceivedMessage>();
        EventFilter.Warning(contains: "has no master key").Expect(1, () =>
        {
            refused.Add(Exchange(terminal, Keyless, TerminalMessages.Purchase(Keyless, stan: 3, amount: 1000)));
            refused.Add(Exchange(terminal, Keyless, TerminalMessages.Purchase(Keyless, stan: 4, amount: 1000)));
            refused.Add(Exchange(terminal, Keyless, TerminalMessages.Reversal(Keyless, stan: 5, amount: 1000)));
            refused.Add(Exchange(terminal, Keyless, TerminalMessages.Batch(Keyless, stan: 6, BatchCount.Empty)));
        });

        Assert.Equal([210, 210, 410, 510], refused.Select(r => r.Mti));
        Assert.All(refused, r => Assert.Equal("63", r[39]));
        Assert.Equal(4, failures["no-key"]);
        _transactions.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        _reversals.ExpectNoMsg(TimeSpan.Zero);
        Assert.Equal("00", Exchange(terminal, Keyless, TerminalMessages.NetworkManagement(Keyless, stan: 7, code: 2))[39]);
        Assert.Equal(
            ["switch.events.v1.TerminalSignedOn", "switch.events.v1.TerminalSignedOff"],
            SqliteJournal.Manifests(Sys.Settings.Config, "terminal-" + Keyless));
    }

    [Fact]
    public void Required_serves_a_keyed_terminal_with_its_right_mac_as_before()
    {
        using var failures = new ReasonCounts(TerminalMacMetrics.FailuresName);
        using var mac = new MacTerminal();
        var terminal = Spawn(Keyed, TerminalMacMode.Required);
        mac.SignedOn(Exchange(terminal, Keyed, TerminalMessages.SignOn(Keyed, stan: 1)));

        Send(terminal, Keyed, mac.Sign(TerminalMessages.Purchase(Keyed, stan: 2, amount: 1000)));
        var authorize = _transactions.ExpectMsg<AuthorizeTransaction>();
        var completed = new TransactionCompleted
        {
            Rrn = authorize.Rrn,
            Request = new RequestIdentity { Mti = 200, Stan = 2, TransmissionTime = "1129120000", AmountMinor = 1000 },
            Outcome = Outcome.Answered,
            ResponseCode = "00",
            AtUnixMs = Sys.Scheduler.Now.ToUnixTimeMilliseconds(),
        };
        var approved = FramedClient.Build(Iso87.Ascii, 210, (ref IsoMessageWriter w) => w.Write(39, "00"u8));
        _transactions.LastSender.Tell(new ScriptedTransaction.ToParent(new FinishTransaction(completed, approved)));

        var answer = Receive();
        Assert.Equal("00", answer[39]);
        Assert.Equal(MacVerdict.Valid, mac.Verify(answer));
        Assert.Equal(0, failures["no-key"]);
    }

    [Fact]
    public void Optional_the_default_authorizes_a_keyless_terminal_s_purchase_without_a_mac()
    {
        using var failures = new ReasonCounts(TerminalMacMetrics.FailuresName);
        Assert.Equal(TerminalMacMode.Optional, _settings.Mac);
        var terminal = Sys.ActorOf(TerminalActor.Props(Keyless, _settings));
        Assert.Equal("00", Exchange(terminal, Keyless, TerminalMessages.SignOn(Keyless, stan: 1))[39]);

        Send(terminal, Keyless, TerminalMessages.Purchase(Keyless, stan: 2, amount: 1000));

        Assert.Equal(TerminalMessages.Mid, _transactions.ExpectMsg<AuthorizeTransaction>().Merchant.Mid);
        _connection.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(0, failures["no-key"]);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteJournal.Delete(Sys.Settings.Config);
    }

    private IActorRef Spawn(string tid, TerminalMacMode mode) => Sys.ActorOf(TerminalActor.Props(tid, _settings with { Mac = mode }));

    private ReceivedMessage Exchange(IActorRef terminal, string tid, byte[] request)
    {
        Send(terminal, tid, request);
        return Receive();
    }

    private void Send(IActorRef terminal, string tid, byte[] message) =>
        terminal.Tell(new TerminalRequest(tid, message, default(Tpdu), _connection.Ref));

    private ReceivedMessage Receive() => new(_connection.ExpectMsg<TerminalReply>().Message, Iso87.Ascii);
}
