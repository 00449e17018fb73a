using System.Net;
using System.Net.Sockets;

namespace Switch.Tests.Support;

/// <summary>
/// A TCP proxy on 127.0.0.1 and a free port in front of a server (a TCP or a Unix socket endpoint),
/// which a test can cut: every connection through it is dropped and new ones are closed as they
/// arrive, as when a database host goes away, until it is restored.
/// </summary>
internal sealed class CuttableProxy : IAsyncDisposable
{
    private readonly EndPoint _upstream;
    private readonly Socket _listener = LoopbackListener.Bound();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly List<Socket> _open = [];
    private readonly Task _accepting;
    private bool _cut;

    public CuttableProxy(EndPoint upstream)
    {
        _upstream = upstream;
        _listener.Listen();
        _accepting = AcceptAsync();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    /// <summary>Drops every connection through the proxy and refuses new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        lock (_lock)
        {
            _cut = true;
            foreach (var socket in _open)
            {
                socket.Dispose();
            }

            _open.Clear();
        }
    }

    public void Restore()
    {
        lock (_lock)
        {
            _cut = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        Cut();
        await _accepting;
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(_upstream.AddressFamily, SocketType.Stream, _upstream is UnixDomainSocketEndPoint ? ProtocolType.Unspecified : ProtocolType.Tcp);
        if (!Track(client, server))
        {
            return;
        }

        try
        {
            await server.ConnectAsync(_upstream, _stopping.Token);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Cut, stopped or refused upstream: either way the pair is closed below.
        }
        finally
        {
            lock (_lock)
            {
                _open.Remove(client);
                _open.Remove(server);
            }

            client.Dispose();
            server.Dispose();
        }
    }

    private bool Track(Socket client, Socket server)
    {
        lock (_lock)
        {
            if (_cut)
            {
                client.Dispose();
                server.Dispose();
                return false;
            }

            _open.Add(client);
            _open.Add(server);
            return true;
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The other pump, a cut or the peer closed it.
        }
    }
}
