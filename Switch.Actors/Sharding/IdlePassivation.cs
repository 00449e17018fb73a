using Akka.Actor;
using Akka.Cluster.Sharding;

namespace Switch.Actors.Sharding;

/// <summary>
/// Tells when an entity has had nothing to do for a while, so it can ask its shard to passivate it.
/// <para>
/// <c>SetReceiveTimeout</c> does the same by rescheduling a timer on every message, which at one or
/// two messages per authorization cost more than a twentieth of the node's CPU. Here each message
/// only sets a flag, and a periodic check every <c>after</c> looks at it: an entity is passivated
/// once it has been idle for between <c>after</c> and twice that. (Sharding's own idle passivation
/// is turned off for these entities.)
/// </para>
/// </summary>
public sealed class IdlePassivation
{
    private bool _active;
    private ICancelable? _checks;

    /// <summary>
    /// Starts the periodic check. Scheduled directly rather than on the actor's timers, whose
    /// messages reach <c>AroundReceive</c> wrapped and would count as activity.
    /// </summary>
    public void Start(IActorContext context, TimeSpan after)
    {
        ArgumentNullException.ThrowIfNull(context);
        _checks = context.System.Scheduler.ScheduleTellRepeatedlyCancelable(after, after, context.Self, Check.Instance, ActorRefs.NoSender);
    }

    /// <summary>Stops the check when the entity stops.</summary>
    public void Stop() => _checks?.Cancel();

    /// <summary>Notes a message, unless it is the check itself.</summary>
    public void Saw(object message)
    {
        if (message is not Check)
        {
            _active = true;
        }
    }

    /// <summary>At a check: when nothing came since the previous one, asks the shard to passivate the entity through <paramref name="stopMessage"/>.</summary>
    public void Checked(IActorContext context, object stopMessage)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_active)
        {
            context.Parent.Tell(new Passivate(stopMessage));
        }

        _active = false;
    }

    /// <summary>The periodic check's message; it does not count as activity.</summary>
    public sealed class Check
    {
        private Check()
        {
        }

        public static Check Instance { get; } = new();
    }
}
