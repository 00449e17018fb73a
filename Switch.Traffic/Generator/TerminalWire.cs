using System.Net;
using System.Net.Sockets;

namespace Switch.Traffic.Generator;

/// <summary>
/// The connection under a simulated terminal: plain TCP (<see cref="PlainWire"/>) or TLS over it
/// (<see cref="TlsWire"/>). Sends never block the caller, who holds the terminal's send lock.
/// </summary>
internal abstract class TerminalWire : IDisposable
{
    protected TerminalWire(IPEndPoint target)
    {
        Target = target;
        Socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    }

    protected IPEndPoint Target { get; }

    protected Socket Socket { get; }

    /// <param name="flushAgain">Called when the wire can take more after an earlier flush left bytes behind.</param>
    /// <param name="lose">Called when a send fails on its own task: the connection is gone.</param>
    public static TerminalWire For(RunOptions options, Action flushAgain, Action<string> lose)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Tls is null ? new PlainWire(options.Target) : new TlsWire(options.Target, options.Tls, flushAgain, lose);
    }

    /// <summary>Connects, with the TLS handshake where there is one; throws what failed.</summary>
    public abstract Task ConnectAsync(CancellationToken cancellation);

    /// <summary>Bytes received into <paramref name="buffer"/>; 0 when the peer closed.</summary>
    public abstract ValueTask<int> ReceiveAsync(Memory<byte> buffer);

    /// <summary>Under the send lock: takes what <paramref name="output"/> holds, or as much as it can now.</summary>
    public abstract void Flush(SendBuffer output);

    /// <summary>Says goodbye with a FIN: a plain dispose with a read pending resets the connection, which the switch logs as a dropped terminal.</summary>
    public void Shutdown()
    {
        try
        {
            Socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed by the switch or by a failed sign-on: nothing left to say goodbye on.
        }
    }

    public virtual void Dispose() => Socket.Dispose();
}
