using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Event;

namespace Switch.Actors.Terminals;

/// <summary>
/// Starts the terminal entities that may have had something in flight when a node stopped without
/// handing them off: at this node's start (a crash or SIGKILL of this node) and whenever another
/// member is removed (its crash). Each recovers from the journal and reverses what it had in flight.
/// <para>
/// This stands in for sharding's remember-entities, which journals every entity start and stop: a
/// journal outage then crashed the remember store, restarted whole shards and lost the requests they
/// buffered, and after the database came back the shards took their backoffs to start again.
/// </para>
/// </summary>
public sealed class TerminalWaker : ReceiveActor
{
    private readonly IActorRef _region;
    private readonly Func<Task<IReadOnlyList<string>>> _recentTerminals;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public TerminalWaker(IActorRef region, Func<Task<IReadOnlyList<string>>> recentTerminals)
    {
        _region = region;
        _recentTerminals = recentTerminals;
        Receive<Wake>(wake => Read(wake.Why));
        Receive<ClusterEvent.MemberRemoved>(removed =>
        {
            if (removed.Member.Address != Cluster.Get(Context.System).SelfAddress)
            {
                Read($"member {removed.Member.Address} was removed");
            }
        });
        Receive<Found>(Woke);
        Receive<Status.Failure>(failed => _log.Warning("Could not read the terminals to start from the journal: {0}", failed.Cause.Message));
    }

    /// <param name="region">The terminal region (or its proxy).</param>
    /// <param name="recentTerminals">The TIDs that journaled recently enough to have been alive at a crash.</param>
    public static Props Props(IActorRef region, Func<Task<IReadOnlyList<string>>> recentTerminals) =>
        Akka.Actor.Props.Create(() => new TerminalWaker(region, recentTerminals));

    protected override void PreStart()
    {
        Self.Tell(new Wake("the node started"));
        Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberRemoved));
    }

    protected override void PostStop() => Cluster.Get(Context.System).Unsubscribe(Self);

    private void Read(string why) => _recentTerminals().PipeTo(Self, success: tids => new Found(tids, why));

    private void Woke(Found found)
    {
        // The region starts the entity itself; its acknowledgement is of no use here.
        foreach (var tid in found.Tids)
        {
            _region.Tell(new ShardRegion.StartEntity(tid), ActorRefs.Nobody);
        }

        _log.Info("Starting {0} terminal entities that journaled recently ({1}), so each settles what it had in flight", found.Tids.Count, found.Why);
    }

    private sealed record Wake(string Why);

    private sealed record Found(IReadOnlyList<string> Tids, string Why);
}
