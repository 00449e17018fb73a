using Akka.Actor;
using Akka.Event;
using Switch.Actors.Acquirers;

namespace Switch.Actors.Routing;

/// <summary>
/// Picks the acquirer for each request by the route table (<see cref="RouteChooser"/>), keeping
/// what the choice needs: each link's status (from the event stream, so a down link is known before
/// anything is sent to it; until a link reports, it counts as down), and each acquirer's circuit and
/// success window, fed by the transactions' <see cref="AcquirerOutcome"/>s. The clock is the actor
/// system's scheduler, which tests drive.
/// </summary>
public sealed class RouterActor : ReceiveActor
{
    private readonly IReadOnlyList<AcquirerRoute> _routes;
    private readonly Dictionary<string, AcquirerRoute> _byName;
    private readonly RouteChooser _chooser;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public RouterActor(IReadOnlyList<AcquirerRoute> routes, RoutingTable table, Random random)
    {
        _routes = routes;
        _byName = routes.ToDictionary(r => r.Name, StringComparer.Ordinal);
        _chooser = new RouteChooser(table, [.. routes.Select(r => r.Name)], random);
        Receive<AcquirerLinkStatus>(status => _chooser.LinkStatus(status.Name, status.IsUp));
        Receive<PickAcquirer>(Pick);
        Receive<AcquirerOutcome>(Record);
        Receive<GetRoutableAcquirers>(_ => Sender.Tell(new RoutableAcquirers(_chooser.Routable(Now))));
    }

    private static DateTimeOffset Now => Context.System.Scheduler.Now;

    /// <summary>Every acquirer in configured order, by priority: the router before route tables.</summary>
    public static Props Props(IReadOnlyList<AcquirerRoute> routes) => Props(routes, RoutingTable.Empty, new Random());

    /// <param name="random">Draws for weighted and success-rate routing; a seeded or scripted one makes them repeatable.</param>
    public static Props Props(IReadOnlyList<AcquirerRoute> routes, RoutingTable table, Random random) =>
        Akka.Actor.Props.Create(() => new RouterActor(routes, table, random));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(AcquirerLinkStatus));
        foreach (var route in _routes)
        {
            RoutingMetrics.Circuit(route.Name, CircuitState.Closed);
            route.Link.Tell(GetLinkStatus.Instance);
        }
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Pick(PickAcquirer pick)
    {
        var decision = _chooser.Choose(pick.Request, pick.Tried, Now);
        if (decision.Chosen.Length == 0)
        {
            Sender.Tell(new NoAcquirerAvailable(decision));
            return;
        }

        if (_chooser.Circuit(decision.Chosen) == CircuitState.HalfOpen)
        {
            // Routed while not closed: this request is the probe.
            RoutingMetrics.Circuit(decision.Chosen, CircuitState.HalfOpen);
            _log.Info("Acquirer {0}: circuit half-open, one probe request let through", decision.Chosen);
        }

        Sender.Tell(new AcquirerPicked(_byName[decision.Chosen], decision));
    }

    private void Record(AcquirerOutcome outcome)
    {
        if (!_byName.ContainsKey(outcome.Acquirer))
        {
            return;
        }

        var before = _chooser.Circuit(outcome.Acquirer);
        _chooser.Record(outcome.Acquirer, outcome.Kind, Now);
        RoutingMetrics.Outcome(outcome);
        CircuitChanged(outcome.Acquirer, before);
    }

    private void CircuitChanged(string acquirer, CircuitState before)
    {
        var after = _chooser.Circuit(acquirer);
        if (after == before)
        {
            return;
        }

        // An outcome only ever closes or opens a circuit.
        RoutingMetrics.Circuit(acquirer, after);
        if (after == CircuitState.Open)
        {
            _log.Warning("Acquirer {0}: circuit open after technical failures; skipped until a probe succeeds", acquirer);
        }
        else
        {
            _log.Info("Acquirer {0}: circuit closed, routing to it again", acquirer);
        }
    }
}
