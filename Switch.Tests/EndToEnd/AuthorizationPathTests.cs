using Akka.Actor;
using Akka.TestKit;
using Serilog.Core;
using Switch.Actors.Acquirers;
using Switch.Actors.Registry;
using Switch.Actors.Reversals;
using Switch.Actors.Risk;
using Switch.Actors.Routing;
using Switch.Actors.Terminals;
using Switch.Actors.Transactions;
using Switch.Host.Acquirers;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;

namespace Switch.Tests.EndToEnd;

/// <summary>
/// The whole actor path, wired as a node wires it: terminal entity → transaction → router →
/// acquirer link over a real TCP socket → the acquirer simulator, with reversals through the
/// store-and-forward queue, on the real SQLite journal.
/// </summary>
public sealed class AuthorizationPathTests : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private const string Tid = "T0000001";
    private const string Mid = TerminalMessages.Mid;
    private static readonly TimeSpan LinkTimeout = TimeSpan.FromSeconds(1);

    private readonly AcquirerSimulator _simulator = new(new AcquirerSimulatorOptions(), Logger.None);
    private readonly TestProbe _connection;
    private IActorRef _terminal = ActorRefs.Nobody;

    public AuthorizationPathTests()
        : base(SqliteJournal.NewConfig())
    {
        _connection = CreateTestProbe();
    }

    public Task InitializeAsync()
    {
        _simulator.Start();
        var status = CreateTestProbe();
        Sys.EventStream.Subscribe(status.Ref, typeof(AcquirerLinkStatus));

        var link = Sys.ActorOf(AcquirerLinkActor.Props(
            new AcquirerLinkSettings("acq-a", _simulator.LocalEndPoint, Iso87.Ascii, FrameOptions.Default, LinkTimeout,
                EchoInterval: TimeSpan.FromSeconds(30), ReconnectMin: TimeSpan.FromMilliseconds(100), ReconnectMax: TimeSpan.FromSeconds(1)),
            new TcpLinkTransportFactory(Logger.None)));
        var reversals = Sys.ActorOf(StoreAndForwardActor.Props(
            new StoreAndForwardSettings("acq-a", Iso87.Ascii, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), MaxInFlight: 8, SnapshotEvery: 500, AnsweredMemory: TimeSpan.FromDays(1)),
            link));
        var router = Sys.ActorOf(RouterActor.Props([new AcquirerRoute("acq-a", link, reversals, Iso87.Ascii, LinkTimeout)]));
        var cards = Sys.ActorOf(CardShelf.Props(TestCardSettings.Create(new RecordingSmsSender())));
        var transactions = new TransactionSettings(Iso87.Ascii, router, GuardMargin: TimeSpan.FromSeconds(1), cards, BinTable.Empty, CardTimeout: TimeSpan.FromSeconds(5));
        _terminal = Sys.ActorOf(TerminalActor.Props(Tid, new TerminalEntitySettings(
            new TerminalDirectory([new Merchant(Mid, "Demo Shop", "5411", "CN", ChallengePolicy.Risk)], [new TerminalRegistration(Tid, Mid)]),
            Iso87.Ascii,
            TimeSpan.FromMinutes(5),
            TimeSpan.FromMinutes(10),
            new RequestValidator(maxAmount: 10_000_000),
            new RrnGenerator(nodeId: 1),
            new PanToken(new byte[32]),
            () => TransactionActor.Props(transactions),
            name => name == "acq-a" ? reversals : null)));

        status.FishForMessage<AcquirerLinkStatus>(s => s.IsUp, TimeSpan.FromSeconds(10));
        Ask(NetworkManagement(stan: 1, code: 1));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        SqliteJournal.Delete(Sys.Settings.Config);
    }

    [Theory]
    [InlineData(1000, "00")]
    [InlineData(1051, "51")]
    [InlineData(2005, "05")]
    public void A_purchase_is_answered_by_the_acquirer(long amount, string code)
    {
        var reply = Ask(Purchase(stan: 20, amount));

        Assert.Equal(210, reply.Mti);
        Assert.Equal(code, reply[39]);
        Assert.Matches("^[0-9]{12}$", reply[37]);
        if (code == "00")
        {
            Assert.Matches("^[0-9]{6}$", reply[38]);
        }

        var seen = Assert.Single(_simulator.Ledger.Entries, e => e.Mti == "0200");
        Assert.Equal(reply[37], seen.Rrn);
        Assert.Equal(amount, seen.Amount);
    }

    [Fact]
    public void An_unanswered_purchase_gets_68_and_its_reversal_reaches_the_acquirer()
    {
        var reply = Ask(Purchase(stan: 21, amount: 10091));

        Assert.Equal("68", reply[39]);
        AwaitAssert(
            () =>
            {
                // Under load an 0400 may time out at the link and be repeated as 0401 (as the contract
                // requires), so there may be more than one: all for this RRN, and one answered.
                var reversals = _simulator.Ledger.Reversals;
                Assert.NotEmpty(reversals);
                Assert.All(reversals, r => Assert.Equal(reply[37], r.Rrn));
                Assert.Contains(reversals, r => r.ResponseCode == "00");
            },
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_retransmission_is_answered_again_without_a_second_authorization()
    {
        var first = Ask(Purchase(stan: 22, amount: 1500));
        var again = Ask(Purchase(stan: 22, amount: 1500));

        Assert.Equal(first.Bytes, again.Bytes);
        Assert.Single(_simulator.Ledger.Entries, e => e.Mti == "0200");
    }

    [Fact]
    public void A_reversal_from_the_terminal_reaches_the_acquirer_of_the_approved_original()
    {
        var approved = Ask(Purchase(stan: 23, amount: 2500));
        Assert.Equal("00", approved[39]);

        var reply = Ask(Reversal(stan: 24, amount: 2500, field90: new OriginalDataElements(200, 23, 1129120000, 0, 0).ToDigits()));

        Assert.Equal((410, "00", approved[37]), (reply.Mti, reply[39], reply[37]));
        AwaitAssert(
            () =>
            {
                // An 0400 that times out at the link is repeated as 0401: all for this RRN, one answered.
                var reversals = _simulator.Ledger.Reversals;
                Assert.NotEmpty(reversals);
                Assert.All(reversals, r => Assert.Equal(approved[37], r.Rrn));
                Assert.Contains(reversals, r => r.ResponseCode == "00");
            },
            TimeSpan.FromSeconds(10));
    }

    private ReceivedMessage Ask(byte[] request)
    {
        _terminal.Tell(new TerminalRequest(Tid, request, default, _connection.Ref));
        return new ReceivedMessage(_connection.ExpectMsg<TerminalReply>(TimeSpan.FromSeconds(10)).Message, Iso87.Ascii);
    }

    private static byte[] NetworkManagement(int stan, int code) => TerminalMessages.NetworkManagement(Tid, stan, code);

    private static byte[] Reversal(int stan, long amount, string field90) =>
        TerminalMessages.Reversal(Tid, stan, amount, field90, sent: TerminalMessages.TransmissionTime + 500);

    private static byte[] Purchase(int stan, long amount) => TerminalMessages.Purchase(Tid, stan, amount);
}
