using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.TestKit;
using Switch.Actors.Cards;
using Switch.Actors.Registry;
using Switch.Actors.Risk;
using Switch.Actors.Terminals;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Actors.Terminals;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Sharding;

/// <summary>
/// Terminal and card entities ask their shard (here the test, as their parent) to passivate them
/// once idle for passivate-after to twice that, through their hand-off stop message, and never while
/// messages keep coming. Time is the test's (TestScheduler), on the real SQLite journal.
/// </summary>
public sealed class IdlePassivationTests : Akka.TestKit.Xunit2.TestKit
{
    private const string SchedulerConfig = """akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """;
    private const string Tid = "T0000001";
    private const string Token = "00112233445566778899aabbccddeeff";
    private static readonly TimeSpan After = TimeSpan.FromMinutes(10);
    private static readonly DateTimeOffset At = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private static readonly TerminalVelocity Quiet = new(new ActivityTotals(1, 1000), new ActivityTotals(1, 1000));

    private readonly TestProbe _connection;
    private int _stan;

    public IdlePassivationTests()
        : base(ConfigurationFactory.ParseString(SchedulerConfig).WithFallback(SqliteJournal.NewConfig()))
    {
        _connection = CreateTestProbe();
    }

    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    [Fact]
    public void An_idle_terminal_asks_to_be_passivated_with_its_hand_off_stop()
    {
        var terminal = Terminal();
        Echo(terminal);

        Clock.Advance(After);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Clock.Advance(After);

        Assert.Same(StopTerminal.Instance, ExpectMsg<Passivate>().StopMessage);
    }

    [Fact]
    public void A_terminal_with_traffic_in_every_period_is_not_passivated()
    {
        var terminal = Terminal();

        for (var period = 0; period < 4; period++)
        {
            Echo(terminal);
            Clock.Advance(After);
        }

        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void An_idle_card_asks_to_be_passivated_with_its_hand_off_stop()
    {
        var card = ChildActorOf(CardActor.Props(Token, TestCardSettings.Create(new RecordingSmsSender())));
        Assess(card);

        Clock.Advance(After);
        Clock.Advance(After);

        Assert.Same(StopCard.Instance, ExpectMsg<Passivate>().StopMessage);
    }

    [Fact]
    public void A_card_assessed_in_every_period_is_not_passivated()
    {
        var card = ChildActorOf(CardActor.Props(Token, TestCardSettings.Create(new RecordingSmsSender())));

        for (var period = 0; period < 4; period++)
        {
            Assess(card);
            Clock.Advance(After);
        }

        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    private IActorRef Terminal()
    {
        var settings = TerminalTestSettings.Create(Tid, CreateTestProbe().Ref, CreateTestProbe().Ref) with { PassivateAfter = After };
        return ChildActorOf(TerminalActor.Props(Tid, settings));
    }

    /// <summary>A network-management echo: answered by the entity itself, so it has surely started.</summary>
    private void Echo(IActorRef terminal)
    {
        terminal.Tell(new TerminalRequest(Tid, TerminalMessages.SignOn(Tid, ++_stan), default(Tpdu), _connection.Ref));
        Assert.Equal("00", new ReceivedMessage(_connection.ExpectMsg<TerminalReply>().Message, Iso87.Ascii)[39]);
    }

    private void Assess(IActorRef card)
    {
        card.Tell(new AssessAuthorization(Token, $"{++_stan:D12}", Tid, 1_000, new Merchant(TerminalMessages.Mid, "Grocer", "5411", "CN", ChallengePolicy.Risk), "CN", Quiet, At));
        ExpectMsg<CardVerdict>();
    }
}
