using Akka.Actor;
using Akka.Cluster.Tools.Singleton;
using Switch.Actors.Acquirers;
using Switch.Actors.Reversals;
using Switch.Actors.Routing;
using Switch.Host.Configuration;

namespace Switch.Host.Hosting;

/// <summary>
/// Each configured acquirer's link on this node, its reversal queue, and the router over them with
/// the route table. Links run on every node; each reversal queue (persistence id
/// <c>reversals-{acquirer}</c>) runs once in the cluster, as a singleton on the oldest node, so no
/// reversal is sent twice and the journal has one writer. Every node starts the singleton's manager
/// with its own link in the queue's props, so the queue sends through a link on the node it runs on;
/// when that node leaves or dies the next oldest starts the queue from the journal. Terminal entities
/// and transactions reach it through a proxy on their node. The queue restarts with backoff when its
/// journal fails.
/// </summary>
public sealed class AcquirerWiring
{
    private readonly Dictionary<string, IActorRef> _reversalQueues;

    private AcquirerWiring(IActorRef router, Dictionary<string, IActorRef> reversalQueues)
    {
        Router = router;
        _reversalQueues = reversalQueues;
    }

    public IActorRef Router { get; }

    public static AcquirerWiring Start(ActorSystem system, SwitchSettings settings, ILinkTransportFactory transports)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        var routes = new List<AcquirerRoute>();
        var queues = new Dictionary<string, IActorRef>(StringComparer.Ordinal);
        foreach (var acquirer in settings.Acquirers)
        {
            var link = system.ActorOf(AcquirerLinkActor.Props(acquirer, transports), $"link-{acquirer.Name}");
            var queue = ReversalQueue(system, acquirer.Name, RestartWithBackoff.Props(StoreAndForwardActor.Props(QueueSettings(acquirer, settings.Reversals), link), "queue"));
            queues.Add(acquirer.Name, queue);
            routes.Add(new AcquirerRoute(acquirer.Name, link, queue, acquirer.Profile, acquirer.Timeout));
        }

        // Draws of weighted and success-rate routing need no seed: each decision is journaled with its reason.
        return new AcquirerWiring(system.ActorOf(RouterActor.Props(routes, settings.Routing, new Random()), "router"), queues);
    }

    /// <summary>The proxy to the reversal queue of an acquirer by name; null for one this node does not know.</summary>
    public IActorRef? ReversalQueue(string acquirer) => _reversalQueues.GetValueOrDefault(acquirer);

    /// <summary>The queue's singleton manager (<c>/user/reversals-{acquirer}</c>) and the proxy to wherever the queue runs.</summary>
    private static IActorRef ReversalQueue(ActorSystem system, string acquirer, Props queue)
    {
        var manager = system.ActorOf(
            ClusterSingletonManager.Props(queue, PoisonPill.Instance, ClusterSingletonManagerSettings.Create(system)),
            $"reversals-{acquirer}");
        return system.ActorOf(
            ClusterSingletonProxy.Props(manager.Path.ToStringWithoutAddress(), ClusterSingletonProxySettings.Create(system)),
            $"reversals-{acquirer}-proxy");
    }

    private static StoreAndForwardSettings QueueSettings(AcquirerLinkSettings acquirer, ReversalQueueSettings reversals) => new(
        acquirer.Name,
        acquirer.Profile,
        reversals.RetryMin,
        reversals.RetryMax,
        reversals.MaxInFlight,
        SnapshotEvery: 500,
        reversals.AnsweredMemory);
}
