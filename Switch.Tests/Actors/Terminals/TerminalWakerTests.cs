using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Configuration;

namespace Switch.Tests.Actors.Terminals;

public sealed class TerminalWakerTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly Config ClusterOnLoopback = ConfigurationFactory.ParseString("""
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
        akka.cluster.jmx.enabled = off
        """);

    private int _reads;

    public TerminalWakerTests()
        : base(ClusterOnLoopback)
    {
    }

    [Fact]
    public void At_start_every_terminal_that_journaled_recently_is_started_through_the_region()
    {
        var region = CreateTestProbe();

        Sys.ActorOf(Switch.Actors.Terminals.TerminalWaker.Props(region.Ref, Recent));

        Assert.Equal(["T0000001", "T0000002"], [region.ExpectMsg<ShardRegion.StartEntity>().EntityId, region.ExpectMsg<ShardRegion.StartEntity>().EntityId]);
        region.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task When_another_member_is_removed_the_recent_terminals_are_started_again_on_the_survivors()
    {
        var region = CreateTestProbe();
        var self = Cluster.Get(Sys);
        self.Join(self.SelfAddress);
        using var other = ActorSystem.Create(Sys.Name, ClusterOnLoopback);
        var otherCluster = Cluster.Get(other);
        otherCluster.Join(self.SelfAddress);
        AwaitCondition(() => self.State.Members.Count(m => m.Status == MemberStatus.Up) == 2, TimeSpan.FromSeconds(20));
        Sys.ActorOf(Switch.Actors.Terminals.TerminalWaker.Props(region.Ref, Recent));
        region.ReceiveN(2);

        await otherCluster.LeaveAsync();

        Assert.Equal("T0000001", region.ExpectMsg<ShardRegion.StartEntity>(TimeSpan.FromSeconds(20)).EntityId);
        Assert.Equal("T0000002", region.ExpectMsg<ShardRegion.StartEntity>().EntityId);
        Assert.Equal(2, Volatile.Read(ref _reads));
    }

    private Task<IReadOnlyList<string>> Recent()
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult<IReadOnlyList<string>>(["T0000001", "T0000002"]);
    }
}
