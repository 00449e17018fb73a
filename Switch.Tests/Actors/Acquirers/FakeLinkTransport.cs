using System.Collections.Concurrent;
using Akka.Actor;
using Switch.Actors.Acquirers;

namespace Switch.Tests.Actors.Acquirers;

/// <summary>How the next connection attempt ends.</summary>
internal enum ConnectPlan
{
    Succeed,
    Fail,
    Hang,
}

/// <summary>A transport was made for a connection attempt.</summary>
internal sealed record TransportCreated(FakeLinkTransport Transport);

/// <summary>The link sent a message on a transport.</summary>
internal sealed record Sent(FakeLinkTransport Transport, byte[] Message);

/// <summary>The link closed a transport.</summary>
internal sealed record ClosedByLink(FakeLinkTransport Transport);

/// <summary>Makes <see cref="FakeLinkTransport"/>s that report to <paramref name="wire"/>; connects succeed unless planned otherwise.</summary>
internal sealed class FakeLinkTransportFactory(IActorRef wire) : ILinkTransportFactory
{
    private readonly ConcurrentQueue<ConnectPlan> _plans = new();

    public void Plan(params ConnectPlan[] plans)
    {
        foreach (var plan in plans)
        {
            _plans.Enqueue(plan);
        }
    }

    public ILinkTransport Create(AcquirerLinkSettings settings, ILinkTransportEvents events)
    {
        var transport = new FakeLinkTransport(events, wire, _plans.TryDequeue(out var plan) ? plan : ConnectPlan.Succeed);
        wire.Tell(new TransportCreated(transport));
        return transport;
    }
}

/// <summary>
/// One connection attempt's transport: reports what the link does with it to the wire probe, and
/// lets a test play the acquirer (deliver messages, drop the connection).
/// </summary>
internal sealed class FakeLinkTransport(ILinkTransportEvents events, IActorRef wire, ConnectPlan plan) : ILinkTransport
{
    private volatile bool _open;
    private int _closed;

    /// <summary>When set, the connection refuses messages as a closing socket does.</summary>
    public bool RefuseSends { get; set; }

    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        switch (plan)
        {
            case ConnectPlan.Succeed:
                _open = true;
                return Task.CompletedTask;
            case ConnectPlan.Fail:
                return Task.FromException(new IOException("connection refused"));
            default:
                return Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    public bool TrySend(byte[] message)
    {
        if (!_open || RefuseSends)
        {
            return false;
        }

        wire.Tell(new Sent(this, message));
        return true;
    }

    public void Close()
    {
        if (End())
        {
            wire.Tell(new ClosedByLink(this));
            events.OnClosed("closed by the link");
        }
    }

    /// <summary>The acquirer sends a message.</summary>
    public void Deliver(byte[] message) => events.OnMessage(message);

    /// <summary>The acquirer (or the network) drops the connection.</summary>
    public void Drop()
    {
        if (End())
        {
            events.OnClosed("connection reset by peer");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private bool End()
    {
        _open = false;
        return Interlocked.Exchange(ref _closed, 1) == 0;
    }
}
