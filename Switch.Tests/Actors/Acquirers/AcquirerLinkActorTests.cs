using System.Globalization;
using System.Net;
using Akka.Actor;
using Akka.Event;
using Akka.TestKit;
using Switch.Actors.Acquirers;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;
using Xunit.Abstractions;
using static Switch.Tests.Actors.Acquirers.LinkTestMessages;

namespace Switch.Tests.Actors.Acquirers;

/// <summary>
/// The link against a fake transport, with time in the test's hands (TestScheduler). Before each
/// <see cref="TestScheduler.Advance"/> the test has seen the effect that follows the timer it relies on.
/// </summary>
public sealed class AcquirerLinkActorTests : Akka.TestKit.Xunit2.TestKit
{
    private const string Config = """akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan EchoInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ReconnectMin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReconnectMax = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private readonly AcquirerLinkSettings _settings;
    private readonly TestProbe _wire;
    private readonly TestProbe _status;
    private readonly FakeLinkTransportFactory _factory;

    public AcquirerLinkActorTests(ITestOutputHelper output)
        : base(Config, output)
    {
        _settings = new AcquirerLinkSettings(
            $"acq-{Guid.NewGuid():N}", new DnsEndPoint("acquirer.test", 9583), Iso87.Ascii, FrameOptions.Default,
            Timeout, EchoInterval, ReconnectMin, ReconnectMax);
        _wire = CreateTestProbe();
        _status = CreateTestProbe();
        Sys.EventStream.Subscribe(_status, typeof(AcquirerLinkStatus));
        _factory = new FakeLinkTransportFactory(_wire);
    }

    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    [Fact]
    public void Signs_on_at_connect_and_is_up_once_the_acquirer_approves()
    {
        var link = StartLink();
        var transport = ExpectTransport();

        var signOn = ExpectSent(transport);
        Assert.Equal(800, signOn.Mti);
        Assert.Equal(Clock.Now.UtcDateTime.ToString("MMddHHmmss", CultureInfo.InvariantCulture), signOn[7]);
        Assert.Equal("000001", signOn[11]);
        Assert.Equal("001", signOn[70]);
        Assert.False(signOn.Has(41));
        Assert.False(QueryStatus(link).IsUp);

        transport.Deliver(Answer(signOn.Bytes, "00"));

        ExpectStatus(up: true);
        Assert.True(QueryStatus(link).IsUp);
    }

    [Fact]
    public void A_refused_sign_on_closes_the_link_and_reconnects_after_the_backoff()
    {
        var link = StartLink();
        var first = ExpectTransport();
        first.Deliver(Answer(ExpectSent(first).Bytes, "05"));

        _wire.ExpectMsg<ClosedByLink>(c => c.Transport == first);
        Clock.Advance(ReconnectMin - Tick);
        ExpectNothingOnWire(link);
        Clock.Advance(Tick);

        var second = ExpectTransport();
        var signOn = ExpectSent(second);
        Assert.Equal("001", signOn[70]);
        Assert.Equal("000002", signOn[11]);
        Assert.False(_status.HasMessages);
    }

    [Fact]
    public void An_unanswered_sign_on_closes_the_link_and_reconnects()
    {
        var link = StartLink();
        var first = ExpectTransport();
        ExpectSent(first);

        Clock.Advance(Timeout - Tick);
        ExpectNothingOnWire(link);
        Clock.Advance(Tick);

        _wire.ExpectMsg<ClosedByLink>(c => c.Transport == first);
        Clock.Advance(ReconnectMin);
        ExpectSent(ExpectTransport());
    }

    [Fact]
    public void A_connect_that_hangs_past_the_timeout_is_abandoned()
    {
        _factory.Plan(ConnectPlan.Hang);
        var link = StartLink();
        var hung = ExpectTransport();

        Clock.Advance(Timeout - Tick);
        ExpectNothingOnWire(link);
        Clock.Advance(Tick);

        _wire.ExpectMsg<ClosedByLink>(c => c.Transport == hung);
        Clock.Advance(ReconnectMin);
        ExpectSent(ExpectTransport());
    }

    [Fact]
    public void Reconnect_delays_double_up_to_the_maximum_and_start_over_after_a_sign_on()
    {
        _factory.Plan(ConnectPlan.Fail, ConnectPlan.Fail, ConnectPlan.Fail, ConnectPlan.Fail);
        var link = StartLink();
        foreach (var seconds in new[] { 1, 2, 4, 4 })
        {
            var failed = ExpectTransport();
            _wire.ExpectMsg<ClosedByLink>(c => c.Transport == failed);
            Clock.Advance(TimeSpan.FromSeconds(seconds) - Tick);
            ExpectNothingOnWire(link);
            Clock.Advance(Tick);
        }

        var transport = ExpectTransport();
        SignOn(transport);
        transport.Drop();
        ExpectStatus(up: false);

        Clock.Advance(ReconnectMin - Tick);
        ExpectNothingOnWire(link);
        Clock.Advance(Tick);
        ExpectTransport();
    }

    [Theory]
    [InlineData(true)] // connected, the sign-on unanswered
    [InlineData(false)] // down, waiting to reconnect
    public void A_request_while_the_link_is_not_up_is_unavailable_at_once(bool connects)
    {
        _factory.Plan(connects ? ConnectPlan.Succeed : ConnectPlan.Fail);
        var link = StartLink();
        var transport = ExpectTransport();
        _wire.ExpectMsg<object>(m => m is Sent s ? s.Transport == transport : m is ClosedByLink c && c.Transport == transport);

        var request = Purchase("T0000001", 1);
        link.Tell(new SendToAcquirer(request, TestActor));

        ExpectMsg(new AcquirerUnavailable(KeyOf(request)));
        ExpectNothingOnWire(link);
    }

    [Fact]
    public void Responses_are_matched_by_tid_and_stan_in_any_order()
    {
        var (link, transport) = StartSignedOn();
        var requests = new[] { Purchase("T0000001", 7), Purchase("T0000002", 7), Purchase("TERM7", 8) };
        var requesters = requests.Select(_ => CreateTestProbe()).ToArray();
        for (var i = 0; i < requests.Length; i++)
        {
            link.Tell(new SendToAcquirer(requests[i], requesters[i]));
            Assert.Same(requests[i], ExpectSent(transport).Bytes);
        }

        var answers = requests.Select(r => Answer(r, "00")).ToArray();
        foreach (var answer in answers.Reverse())
        {
            transport.Deliver(answer);
        }

        for (var i = 0; i < requests.Length; i++)
        {
            Assert.Same(answers[i], requesters[i].ExpectMsg<AcquirerResponse>().Message);
        }
    }

    [Fact]
    public void A_request_unanswered_in_time_is_timed_out_and_its_late_response_counted_and_logged_without_the_pan()
    {
        using var lateResponses = new LateResponseCounter(_settings.Name);
        var (link, transport) = StartSignedOn();
        var request = Purchase("T0000001", 123);
        link.Tell(new SendToAcquirer(request, TestActor));
        ExpectSent(transport);

        Clock.Advance(Timeout - Tick);
        Settle(link);
        ExpectNoMsg(TimeSpan.Zero);
        Clock.Advance(Tick);
        ExpectMsg(new AcquirerTimedOut(KeyOf(request)));

        var logs = CreateTestProbe();
        Sys.EventStream.Subscribe(logs, typeof(Warning));
        transport.Deliver(Answer(request, "00"));

        var line = logs.ExpectMsg<Warning>().Message.ToString()!;
        Assert.Contains("late response 0210", line, StringComparison.Ordinal);
        Assert.Contains(KeyOf(request).ToString(), line, StringComparison.Ordinal);
        Assert.DoesNotContain(Pan, line, StringComparison.Ordinal);
        Settle(link);
        Assert.Equal(1, lateResponses.Count);
        ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void An_idle_link_is_echoed_and_closed_when_the_echo_goes_unanswered()
    {
        var (link, transport) = StartSignedOn();

        Clock.Advance(EchoInterval - Tick);
        ExpectNothingOnWire(link);
        Clock.Advance(Tick);
        var echo = ExpectSent(transport);
        Assert.Equal(800, echo.Mti);
        Assert.Equal("301", echo[70]);
        Assert.Equal("000002", echo[11]);

        Clock.Advance(Timeout - Tick);
        ExpectNothingOnWire(link);
        Clock.Advance(Tick);

        _wire.ExpectMsg<ClosedByLink>(c => c.Transport == transport);
        ExpectStatus(up: false);
        Clock.Advance(ReconnectMin);
        ExpectSent(ExpectTransport());
    }

    [Fact]
    public void Traffic_postpones_the_echo_and_an_answered_echo_keeps_the_link_up()
    {
        var (link, transport) = StartSignedOn();
        Clock.Advance(TimeSpan.FromSeconds(20));
        link.Tell(new SendToAcquirer(Purchase("T0000001", 9), TestActor));
        transport.Deliver(Answer(ExpectSent(transport).Bytes, "00"));
        ExpectMsg<AcquirerResponse>();

        Clock.Advance(TimeSpan.FromSeconds(10));
        ExpectNothingOnWire(link);
        Clock.Advance(TimeSpan.FromSeconds(20) - Tick);
        ExpectNothingOnWire(link);
        Clock.Advance(Tick);
        var echo = ExpectSent(transport);
        Assert.Equal("301", echo[70]);

        transport.Deliver(Answer(echo.Bytes, "00"));
        Settle(link);
        Clock.Advance(Timeout);
        ExpectNothingOnWire(link);
        Clock.Advance(EchoInterval - Timeout);
        Assert.Equal("301", ExpectSent(transport)[70]);
        Assert.False(_status.HasMessages);
    }

    [Fact]
    public void A_dropped_link_fails_every_request_in_flight_as_outcome_unknown()
    {
        var (link, transport) = StartSignedOn();
        var requests = new[] { Purchase("T0000001", 1), Purchase("T0000002", 2) };
        var requesters = requests.Select(_ => CreateTestProbe()).ToArray();
        for (var i = 0; i < requests.Length; i++)
        {
            link.Tell(new SendToAcquirer(requests[i], requesters[i]));
            ExpectSent(transport);
        }

        transport.Drop();

        ExpectStatus(up: false);
        for (var i = 0; i < requests.Length; i++)
        {
            requesters[i].ExpectMsg(new AcquirerLinkLost(KeyOf(requests[i])));
        }

        Clock.Advance(Timeout);
        Settle(link);
        Assert.All(requesters, r => Assert.False(r.HasMessages));
        var next = Purchase("T0000001", 3);
        link.Tell(new SendToAcquirer(next, TestActor));
        ExpectMsg(new AcquirerUnavailable(KeyOf(next)));
    }

    [Fact]
    public void A_key_already_in_flight_is_rejected_as_a_duplicate_until_answered()
    {
        var (link, transport) = StartSignedOn();
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        var original = Purchase("T0000001", 42);
        var duplicate = Purchase("T0000001", 42, amount: 999);
        link.Tell(new SendToAcquirer(original, first));
        ExpectSent(transport);

        link.Tell(new SendToAcquirer(duplicate, second));

        second.ExpectMsg(new AcquirerRejected(KeyOf(duplicate), AcquirerRejection.DuplicateInFlight));
        ExpectNothingOnWire(link);
        transport.Deliver(Answer(original, "00"));
        first.ExpectMsg<AcquirerResponse>();
        link.Tell(new SendToAcquirer(duplicate, second));
        Assert.Same(duplicate, ExpectSent(transport).Bytes);
    }

    [Fact]
    public void A_request_the_connection_refuses_is_unavailable_and_not_timed()
    {
        var (link, transport) = StartSignedOn();
        transport.RefuseSends = true;
        var request = Purchase("T0000001", 5);

        link.Tell(new SendToAcquirer(request, TestActor));

        ExpectMsg(new AcquirerUnavailable(KeyOf(request)));
        Clock.Advance(Timeout);
        Settle(link);
        ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void A_malformed_request_is_rejected_without_being_sent()
    {
        var (link, _) = StartSignedOn();
        byte[][] malformed =
        [
            "0200garbage"u8.ToArray(),
            Answer(Purchase("T0000001", 1), "00"),
            FramedClient.Build(Iso87.Ascii, 200, (ref IsoMessageWriter w) => w.Write(41, "T0000001")),
        ];

        foreach (var message in malformed)
        {
            link.Tell(new SendToAcquirer(message, TestActor));
            Assert.Equal(AcquirerRejection.Malformed, ExpectMsg<AcquirerRejected>().Reason);
        }

        ExpectNothingOnWire(link);
    }

    [Fact]
    public void An_unparseable_inbound_message_is_logged_and_ignored()
    {
        var (link, transport) = StartSignedOn();

        EventFilter.Error(contains: "unparseable").ExpectOne(() => transport.Deliver("0210garbage"u8.ToArray()));

        var request = Purchase("T0000001", 6);
        link.Tell(new SendToAcquirer(request, TestActor));
        transport.Deliver(Answer(ExpectSent(transport).Bytes, "00"));
        ExpectMsg<AcquirerResponse>();
    }

    [Fact]
    public void The_acquirers_echo_is_answered()
    {
        var (_, transport) = StartSignedOn();
        var echo = FramedClient.Build(Iso87.Ascii, 800, (ref IsoMessageWriter w) =>
        {
            w.WriteNumber(7, 1129120000);
            w.WriteNumber(11, 77);
            w.WriteNumber(70, 301);
        });

        transport.Deliver(echo);

        var answer = ExpectSent(transport);
        Assert.Equal(810, answer.Mti);
        Assert.Equal("1129120000", answer[7]);
        Assert.Equal("000077", answer[11]);
        Assert.Equal("00", answer[39]);
        Assert.Equal("301", answer[70]);
    }

    [Fact]
    public void A_stopped_link_closes_its_connection_and_fails_what_is_in_flight()
    {
        var (link, transport) = StartSignedOn();
        var request = Purchase("T0000001", 8);
        link.Tell(new SendToAcquirer(request, TestActor));
        ExpectSent(transport);

        Sys.Stop(link);

        ExpectMsg(new AcquirerLinkLost(KeyOf(request)));
        _wire.ExpectMsg<ClosedByLink>(c => c.Transport == transport);
        ExpectStatus(up: false);
    }

    private IActorRef StartLink()
    {
        var link = Sys.ActorOf(AcquirerLinkActor.Props(_settings, _factory));
        ExpectStatus(up: false);
        return link;
    }

    private (IActorRef Link, FakeLinkTransport Transport) StartSignedOn()
    {
        var link = StartLink();
        var transport = ExpectTransport();
        SignOn(transport);
        return (link, transport);
    }

    private void SignOn(FakeLinkTransport transport)
    {
        transport.Deliver(Answer(ExpectSent(transport).Bytes, "00"));
        ExpectStatus(up: true);
    }

    private FakeLinkTransport ExpectTransport() => _wire.ExpectMsg<TransportCreated>().Transport;

    private ReceivedMessage ExpectSent(FakeLinkTransport transport) =>
        new(_wire.ExpectMsg<Sent>(s => s.Transport == transport).Message, Iso87.Ascii);

    private void ExpectStatus(bool up) => _status.ExpectMsg(new AcquirerLinkStatus(_settings.Name, up));

    private AcquirerLinkStatus QueryStatus(IActorRef link)
    {
        var probe = CreateTestProbe();
        link.Tell(GetLinkStatus.Instance, probe);
        return probe.ExpectMsg<AcquirerLinkStatus>();
    }

    /// <summary>Returns once the link has handled everything told to it so far (timer messages included).</summary>
    private void Settle(IActorRef link) => QueryStatus(link);

    private void ExpectNothingOnWire(IActorRef link)
    {
        Settle(link);
        Assert.False(_wire.HasMessages);
    }
}
