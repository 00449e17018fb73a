using Serilog;
using Switch.Actors.Acquirers;
using Switch.Host.Tls;

namespace Switch.Host.Acquirers;

/// <summary>Makes a <see cref="TcpLinkTransport"/> for each connection attempt of a link.</summary>
public sealed class TcpLinkTransportFactory : ILinkTransportFactory
{
    private readonly ILogger _log;
    private readonly IReadOnlyDictionary<string, LinkTlsSettings> _tls;

    /// <param name="tls">TLS of the links that have it, by acquirer name; none when null.</param>
    public TcpLinkTransportFactory(ILogger log, IReadOnlyDictionary<string, LinkTlsSettings>? tls = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
        _tls = tls ?? new Dictionary<string, LinkTlsSettings>();
    }

    public ILinkTransport Create(AcquirerLinkSettings settings, ILinkTransportEvents events)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new TcpLinkTransport(settings, events, _log, _tls.GetValueOrDefault(settings.Name));
    }
}
