using Akka.Actor;
using Akka.DistributedData;

namespace Switch.Host.Hosting;

/// <summary>
/// The newest journal sequence number of a registry (merchants and terminals, or fee plans) that any
/// node has published, kept in Distributed Data as a register whose timestamp is the version itself,
/// so replicas merge to the highest. A node that joins later reads it by gossip; a change reaches the
/// other nodes at once (written to all) and their <see cref="DirectoryReplica"/> is told within
/// Distributed Data's notify interval (0.5 s).
/// </summary>
internal sealed class PublishedVersion : ReceiveActor
{
    private static readonly IWriteConsistency ToAll = new WriteAll(TimeSpan.FromSeconds(5));

    public PublishedVersion(LWWRegisterKey<long> key)
    {
        var data = DistributedData.Get(Context.System);
        var self = Akka.Cluster.Cluster.Get(Context.System).SelfUniqueAddress;
        // Timestamp 0: a register's default timestamp is the wall clock, which would outrank every version.
        var initial = new LWWRegister<long>(self, 0L, 0L);
        Receive<Published>(published => data.Replicator.Tell(Dsl.Update(
            key,
            initial,
            ToAll,
            register => register.Value >= published.Version ? register : register.WithValue(self, published.Version, (_, version) => version))));
        // Not written to every node in time is still written here, and gossip carries it on.
        Receive<UpdateSuccess>(_ => { });
        Receive<IUpdateFailure>(_ => { });
    }

    /// <summary>A directory of this node advanced to <paramref name="Version"/>.</summary>
    public sealed record Published(long Version);

    public static LWWRegisterKey<long> Key(string registry) => new($"switch-{registry}-version");

    public static Props Props(LWWRegisterKey<long> key) => Akka.Actor.Props.Create(() => new PublishedVersion(key));
}
