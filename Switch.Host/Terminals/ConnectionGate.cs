using System.Net;

namespace Switch.Host.Terminals;

/// <summary>
/// Counts the terminal port's open connections, in all and per source address, and turns one away
/// when either limit is reached. One lock: connections open far more rarely than frames arrive.
/// </summary>
internal sealed class ConnectionGate
{
    public const string NodeLimit = "node-limit";
    public const string AddressLimit = "address-limit";

    private readonly int _maxConnections;
    private readonly int _maxPerAddress;
    private readonly Dictionary<IPAddress, int> _perAddress = [];
    private readonly Lock _lock = new();
    private int _open;

    /// <param name="maxPerAddress">0: addresses are not counted.</param>
    public ConnectionGate(int maxConnections, int maxPerAddress)
    {
        _maxConnections = maxConnections;
        _maxPerAddress = maxPerAddress;
    }

    /// <summary>Admits a connection from <paramref name="address"/>, or names the limit that refuses it.</summary>
    public string? TryEnter(IPAddress? address)
    {
        lock (_lock)
        {
            if (_open >= _maxConnections)
            {
                return NodeLimit;
            }

            if (Counted(address) is { } key)
            {
                var open = _perAddress.GetValueOrDefault(key);
                if (open >= _maxPerAddress)
                {
                    return AddressLimit;
                }

                _perAddress[key] = open + 1;
            }

            _open++;
            return null;
        }
    }

    /// <summary>An admitted connection from <paramref name="address"/> has closed.</summary>
    public void Leave(IPAddress? address)
    {
        lock (_lock)
        {
            _open--;
            if (Counted(address) is { } key)
            {
                var open = _perAddress[key] - 1;
                if (open == 0)
                {
                    _perAddress.Remove(key);
                }
                else
                {
                    _perAddress[key] = open;
                }
            }
        }
    }

    // A dual-stack listener reports IPv4 peers as ::ffff:a.b.c.d; both forms are one address.
    private IPAddress? Counted(IPAddress? address) =>
        _maxPerAddress == 0 || address is null ? null
        : address.IsIPv4MappedToIPv6 ? address.MapToIPv4()
        : address;
}
