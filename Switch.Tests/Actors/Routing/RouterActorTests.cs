using Akka.Actor;
using Akka.TestKit;
using Switch.Actors.Acquirers;
using Switch.Actors.Routing;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Tests.Actors.Routing;

public sealed class RouterActorTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly RouteRequest Request = new("47617390", "visa", PaymentInstrument.Card, 1234, "156", "5411", "CN");

    public RouterActorTests()
        : base("""akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """)
    {
    }

    [Fact]
    public void The_first_configured_acquirer_whose_link_is_up_is_picked()
    {
        var primary = CreateTestProbe();
        var secondary = CreateTestProbe();
        AcquirerRoute[] routes =
        [
            new("acq-a", primary.Ref, CreateTestProbe().Ref, Iso87.Ascii, TimeSpan.FromSeconds(5)),
            new("acq-b", secondary.Ref, CreateTestProbe().Ref, Iso87.Binary, TimeSpan.FromSeconds(5)),
        ];
        var router = Sys.ActorOf(RouterActor.Props(routes));
        primary.ExpectMsg<GetLinkStatus>();
        secondary.ExpectMsg<GetLinkStatus>();

        router.Tell(Pick());
        var none = ExpectMsg<NoAcquirerAvailable>().Decision;
        Assert.Equal(["acq-a link_down", "acq-b link_down"], none.Skipped.Select(s => $"{s.Acquirer} {s.Reason}"));

        router.Tell(new AcquirerLinkStatus("acq-b", IsUp: true));
        router.Tell(Pick());
        var picked = ExpectMsg<AcquirerPicked>();
        Assert.Equal(("acq-b", "default", "priority", "acq-b"), (picked.Route.Name, picked.Decision.Rule, picked.Decision.Strategy, picked.Decision.Chosen));

        Sys.EventStream.Publish(new AcquirerLinkStatus("acq-a", IsUp: true));
        AwaitAssert(() =>
        {
            router.Tell(Pick());
            Assert.Equal("acq-a", ExpectMsg<AcquirerPicked>().Route.Name);
        });

        Sys.EventStream.Publish(new AcquirerLinkStatus("acq-a", IsUp: false));
        AwaitAssert(() =>
        {
            router.Tell(Pick());
            Assert.Equal("acq-b", ExpectMsg<AcquirerPicked>().Route.Name);
        });
    }

    [Fact]
    public void A_link_that_reported_before_the_router_started_is_known_through_its_status_reply()
    {
        var link = CreateTestProbe();
        var router = Sys.ActorOf(RouterActor.Props([new AcquirerRoute("acq-a", link.Ref, CreateTestProbe().Ref, Iso87.Ascii, TimeSpan.FromSeconds(5))]));

        link.ExpectMsg<GetLinkStatus>();
        link.Reply(new AcquirerLinkStatus("acq-a", IsUp: true));
        router.Tell(Pick());

        Assert.Equal("acq-a", ExpectMsg<AcquirerPicked>().Route.Name);
    }

    [Fact]
    public void Outcomes_open_the_circuit_and_after_the_cool_down_one_probe_closes_it_on_the_scheduler_clock()
    {
        var table = RoutingTable.Empty with { Breaker = new BreakerSettings(2, TimeSpan.FromSeconds(30)) };
        AcquirerRoute[] routes =
        [
            new("acq-a", CreateTestProbe().Ref, CreateTestProbe().Ref, Iso87.Ascii, TimeSpan.FromSeconds(5)),
            new("acq-b", CreateTestProbe().Ref, CreateTestProbe().Ref, Iso87.Ascii, TimeSpan.FromSeconds(5)),
        ];
        var router = Sys.ActorOf(RouterActor.Props(routes, table, new Random(1)));
        router.Tell(new AcquirerLinkStatus("acq-a", IsUp: true));
        router.Tell(new AcquirerLinkStatus("acq-b", IsUp: true));

        router.Tell(new AcquirerOutcome("acq-a", AcquirerOutcomeKind.TimedOut, null));
        router.Tell(new AcquirerOutcome("acq-a", AcquirerOutcomeKind.TechnicalFailure, null));
        router.Tell(Pick());
        var skipped = ExpectMsg<AcquirerPicked>();
        Assert.Equal("acq-b", skipped.Route.Name);
        var open = Assert.Single(skipped.Decision.Skipped);
        Assert.Equal(("acq-a", "circuit_open"), (open.Acquirer, open.Reason));
        router.Tell(GetRoutableAcquirers.Instance);
        Assert.Equal(["acq-b"], ExpectMsg<RoutableAcquirers>().Names);

        ((TestScheduler)Sys.Scheduler).Advance(TimeSpan.FromSeconds(30));
        router.Tell(Pick());
        Assert.Equal("acq-a", ExpectMsg<AcquirerPicked>().Route.Name);
        router.Tell(Pick());
        Assert.Equal("probe_in_flight", ExpectMsg<AcquirerPicked>().Decision.Skipped.Single().Reason);

        router.Tell(new AcquirerOutcome("acq-a", AcquirerOutcomeKind.Declined, TimeSpan.FromMilliseconds(40)));
        router.Tell(Pick());
        Assert.Equal("acq-a", ExpectMsg<AcquirerPicked>().Route.Name);
    }

    private static PickAcquirer Pick() => new(Request, []);
}
