using System.Net;
using Switch.Host.Terminals;

namespace Switch.Tests.Host.Terminals;

public sealed class ConnectionGateTests
{
    private static readonly IPAddress First = IPAddress.Parse("10.0.0.1");
    private static readonly IPAddress Second = IPAddress.Parse("10.0.0.2");

    [Fact]
    public void The_node_limit_refuses_the_connection_beyond_it_and_frees_a_place_on_leave()
    {
        var gate = new ConnectionGate(maxConnections: 2, maxPerAddress: 0);

        Assert.Null(gate.TryEnter(First));
        Assert.Null(gate.TryEnter(Second));
        Assert.Equal(ConnectionGate.NodeLimit, gate.TryEnter(IPAddress.Parse("10.0.0.3")));

        gate.Leave(First);
        Assert.Null(gate.TryEnter(IPAddress.Parse("10.0.0.3")));
    }

    [Fact]
    public void The_address_limit_counts_each_source_address_on_its_own()
    {
        var gate = new ConnectionGate(maxConnections: 100, maxPerAddress: 2);

        Assert.Null(gate.TryEnter(First));
        Assert.Null(gate.TryEnter(First));
        Assert.Equal(ConnectionGate.AddressLimit, gate.TryEnter(First));
        Assert.Null(gate.TryEnter(Second));

        gate.Leave(First);
        Assert.Null(gate.TryEnter(First));
        Assert.Equal(ConnectionGate.AddressLimit, gate.TryEnter(First));
    }

    [Fact]
    public void An_ipv4_peer_seen_through_a_dual_stack_listener_is_the_same_address()
    {
        var gate = new ConnectionGate(maxConnections: 100, maxPerAddress: 1);

        Assert.Null(gate.TryEnter(First));

        Assert.Equal(ConnectionGate.AddressLimit, gate.TryEnter(First.MapToIPv6()));
    }

    [Fact]
    public void A_refused_connection_takes_no_place()
    {
        var gate = new ConnectionGate(maxConnections: 2, maxPerAddress: 1);

        Assert.Null(gate.TryEnter(First));
        Assert.Equal(ConnectionGate.AddressLimit, gate.TryEnter(First));
        Assert.Equal(ConnectionGate.AddressLimit, gate.TryEnter(First));

        Assert.Null(gate.TryEnter(Second));
        Assert.Equal(ConnectionGate.NodeLimit, gate.TryEnter(IPAddress.Parse("10.0.0.3")));
    }
}
