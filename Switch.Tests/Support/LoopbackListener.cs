using System.Net;
using System.Net.Sockets;

namespace Switch.Tests.Support;

/// <summary>A raw TCP listener on 127.0.0.1 and a free port, for a peer that must misbehave.</summary>
internal sealed class LoopbackListener : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly Socket _socket = Bound();

    public LoopbackListener() => _socket.Listen();

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public async Task<Socket> AcceptAsync() => await _socket.AcceptAsync().WaitAsync(Wait);

    /// <summary>
    /// A socket holding a loopback port without listening: connecting to it is refused, and no
    /// other test can take the port while the socket is open.
    /// </summary>
    public static Socket Bound()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    public void Dispose() => _socket.Dispose();
}
