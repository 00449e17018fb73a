using Serilog;
using Switch.Actors.Acquirers;

namespace Switch.Host.Acquirers;

/// <summary>Makes a <see cref="TcpLinkTransport"/> for each connection attempt of a link.</summary>
public sealed class TcpLinkTransportFactory : ILinkTransportFactory
{
    private readonly ILogger _log;

    public TcpLinkTransportFactory(ILogger log)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
    }

    public ILinkTransport Create(AcquirerLinkSettings settings, ILinkTransportEvents events) =>
        new TcpLinkTransport(settings, events, _log);
}
