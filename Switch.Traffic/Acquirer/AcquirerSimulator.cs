using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Serilog;

namespace Switch.Traffic.Acquirer;

/// <summary>
/// A simulated acquirer host: listens for the switch's links, answers every request over real
/// sockets as <see cref="ResponseRules"/> decide, and records all it receives in a <see cref="Ledger"/>.
/// </summary>
public sealed class AcquirerSimulator : IAsyncDisposable
{
    private readonly AcquirerSimulatorOptions _options;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<SimulatorConnection, Task> _connections = new();
    private int _authCodes;
    private int _failedHandshakes;
    private int _disposed;
    private Task _accepting = Task.CompletedTask;

    public AcquirerSimulator(AcquirerSimulatorOptions options, ILogger log, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        if (options.ClientCa is { } clientCa && (options.Certificate is null || clientCa.Count == 0))
        {
            throw new ArgumentException("ClientCa: needs a Certificate to serve TLS with, and at least one CA certificate", nameof(options));
        }

        _options = options;
        _log = log.ForContext<AcquirerSimulator>();
        _time = time ?? TimeProvider.System;
        Ledger = new Ledger(options.LedgerPath);
        _listener = new Socket(options.Listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
    }

    public Ledger Ledger { get; }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    /// <summary>Links currently connected.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>TLS handshakes with links that failed: a link not speaking TLS, one that distrusts the simulator, or one refused for its certificate.</summary>
    public int FailedHandshakes => Volatile.Read(ref _failedHandshakes);

    internal AcquirerSimulatorOptions Options => _options;

    internal TimeProvider Time => _time;

    public void Start()
    {
        _listener.Bind(_options.Listen);
        _listener.Listen(512);
        _accepting = AcceptAsync(_stopping.Token);
        _log.Information("Acquirer simulator listening on {Endpoint} ({Transport}, {Profile}, {Header}, latency {Latency})",
            LocalEndPoint, Transport(), _options.Profile.Name, _options.Framing.Header, _options.Latency);
    }

    private string Transport() => (_options.Certificate, _options.ClientCa) switch
    {
        (null, _) => "TCP",
        (var certificate, null) => $"TLS as {certificate.Subject}",
        (var certificate, var clientCa) => $"mutual TLS as {certificate.Subject}, links' certificates from {string.Join(" or ", clientCa.Select(ca => ca.Subject))}",
    };

    /// <summary>Closes every link, as an acquirer restart would; the listener stays open.</summary>
    public void DisconnectAll()
    {
        foreach (var connection in _connections.Keys)
        {
            connection.Close();
        }
    }

    internal void HandshakeFailed() => Interlocked.Increment(ref _failedHandshakes);

    /// <summary>A fresh 6-digit authorization code.</summary>
    internal string NextAuthCode() =>
        (Interlocked.Increment(ref _authCodes) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _accepting.ConfigureAwait(false);
        DisconnectAll();
        await Task.WhenAll(_connections.Values).ConfigureAwait(false);
        await Ledger.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException && stopping.IsCancellationRequested)
            {
                return;
            }

            socket.NoDelay = true;
            var connection = new SimulatorConnection(this, socket, _log);
            _connections[connection] = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(SimulatorConnection connection)
    {
        await Task.Yield();
        using (connection)
        {
            try
            {
                await connection.RunAsync(_stopping.Token).ConfigureAwait(false);
            }
            finally
            {
                _connections.TryRemove(connection, out _);
            }
        }
    }
}
