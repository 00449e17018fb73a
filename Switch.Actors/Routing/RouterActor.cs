using Akka.Actor;
using Switch.Actors.Acquirers;

namespace Switch.Actors.Routing;

/// <summary>
/// Picks the acquirer for each request: the first configured one whose link is up (primary, then
/// secondary, ...). Link status comes from the event stream, so a down link is known before
/// anything is sent to it; until a link reports, it counts as down.
/// </summary>
public sealed class RouterActor : ReceiveActor
{
    private readonly IReadOnlyList<AcquirerRoute> _routes;
    private readonly HashSet<string> _up = new(StringComparer.Ordinal);

    public RouterActor(IReadOnlyList<AcquirerRoute> routes)
    {
        _routes = routes;
        Receive<AcquirerLinkStatus>(status =>
        {
            if (status.IsUp)
            {
                _up.Add(status.Name);
            }
            else
            {
                _up.Remove(status.Name);
            }
        });
        Receive<PickAcquirer>(_ => Sender.Tell(
            _routes.FirstOrDefault(r => _up.Contains(r.Name)) is { } route ? new AcquirerPicked(route) : NoAcquirerAvailable.Instance));
    }

    public static Props Props(IReadOnlyList<AcquirerRoute> routes) => Akka.Actor.Props.Create(() => new RouterActor(routes));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(AcquirerLinkStatus));
        foreach (var route in _routes)
        {
            route.Link.Tell(GetLinkStatus.Instance);
        }
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}
