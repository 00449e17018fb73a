using Akka.Actor;
using Switch.Actors.Acquirers;
using Switch.Actors.Routing;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Tests.Actors.Routing;

public sealed class RouterActorTests : Akka.TestKit.Xunit2.TestKit
{
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

        router.Tell(PickAcquirer.Instance);
        ExpectMsg<NoAcquirerAvailable>();

        router.Tell(new AcquirerLinkStatus("acq-b", IsUp: true));
        router.Tell(PickAcquirer.Instance);
        Assert.Equal("acq-b", ExpectMsg<AcquirerPicked>().Route.Name);

        Sys.EventStream.Publish(new AcquirerLinkStatus("acq-a", IsUp: true));
        AwaitAssert(() =>
        {
            router.Tell(PickAcquirer.Instance);
            Assert.Equal("acq-a", ExpectMsg<AcquirerPicked>().Route.Name);
        });

        Sys.EventStream.Publish(new AcquirerLinkStatus("acq-a", IsUp: false));
        AwaitAssert(() =>
        {
            router.Tell(PickAcquirer.Instance);
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
        router.Tell(PickAcquirer.Instance);

        Assert.Equal("acq-a", ExpectMsg<AcquirerPicked>().Route.Name);
    }
}
