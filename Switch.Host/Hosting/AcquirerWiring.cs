using Akka.Actor;
using Akka.Pattern;
using Switch.Actors.Acquirers;
using Switch.Actors.Reversals;
using Switch.Actors.Routing;
using Switch.Host.Configuration;

namespace Switch.Host.Hosting;

/// <summary>
/// Each configured acquirer's link and reversal queue on this node, and the router over them with the route table.
/// The queue is journaled, so when its journal fails it stops; a backoff supervisor starts it again
/// (recovering what was queued) instead of hammering a database that is down.
/// </summary>
public sealed class AcquirerWiring
{
    private static readonly TimeSpan QueueRestartMin = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan QueueRestartMax = TimeSpan.FromSeconds(30);

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
            var queue = system.ActorOf(
                BackoffSupervisor.Props(Backoff.OnStop(
                    StoreAndForwardActor.Props(QueueSettings(acquirer, settings.Reversals), link),
                    childName: "queue",
                    minBackoff: QueueRestartMin,
                    maxBackoff: QueueRestartMax,
                    randomFactor: 0.2,
                    maxNrOfRetries: -1)),
                $"reversals-{acquirer.Name}");
            queues.Add(acquirer.Name, queue);
            routes.Add(new AcquirerRoute(acquirer.Name, link, queue, acquirer.Profile, acquirer.Timeout));
        }

        // Draws of weighted and success-rate routing need no seed: each decision is journaled with its reason.
        return new AcquirerWiring(system.ActorOf(RouterActor.Props(routes, settings.Routing, new Random()), "router"), queues);
    }

    /// <summary>The reversal queue of an acquirer by name; null for one this node does not know.</summary>
    public IActorRef? ReversalQueue(string acquirer) => _reversalQueues.GetValueOrDefault(acquirer);

    private static StoreAndForwardSettings QueueSettings(AcquirerLinkSettings acquirer, ReversalQueueSettings reversals) => new(
        acquirer.Name,
        acquirer.Profile,
        reversals.RetryMin,
        reversals.RetryMax,
        reversals.MaxInFlight,
        SnapshotEvery: 500,
        reversals.AnsweredMemory);
}
