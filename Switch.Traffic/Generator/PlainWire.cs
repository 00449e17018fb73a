using System.Net;
using System.Net.Sockets;

namespace Switch.Traffic.Generator;

/// <summary>Plain TCP: a non-blocking socket that takes what it can of each flush.</summary>
internal sealed class PlainWire(IPEndPoint target) : TerminalWire(target)
{
    public override async Task ConnectAsync(CancellationToken cancellation)
    {
        await Socket.ConnectAsync(Target, cancellation).ConfigureAwait(false);
        Socket.Blocking = false;
    }

    public override ValueTask<int> ReceiveAsync(Memory<byte> buffer) => Socket.ReceiveAsync(buffer, SocketFlags.None);

    public override void Flush(SendBuffer output) => output.FlushTo(Socket);
}
