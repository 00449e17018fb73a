using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Switch.Protocol.Framing;

namespace Switch.Traffic.Generator.Recovery;

/// <summary>
/// One TCP connection of a recovering terminal: frames out, whole messages in, one at a time. A
/// recovering terminal has at most one request outstanding, so it reads its answers in turn instead
/// of matching a pipeline; a link that fails in any way is thrown away and a new one made.
/// </summary>
internal sealed class TerminalLink : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly FrameOptions _framing;

    private TerminalLink(Socket socket, FrameOptions framing)
    {
        _socket = socket;
        _framing = framing;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = PipeReader.Create(_stream);
    }

    /// <exception cref="SocketException">Nobody listens, or the connection broke.</exception>
    /// <exception cref="OperationCanceledException">Not connected before <paramref name="cancellation"/>.</exception>
    public static async Task<TerminalLink> ConnectAsync(IPEndPoint target, FrameOptions framing, CancellationToken cancellation)
    {
        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(target, cancellation).ConfigureAwait(false);
            return new TerminalLink(socket, framing);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Frames <paramref name="message"/> and sends it.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellation)
    {
        var output = new ArrayBufferWriter<byte>(_framing.HeaderBytes + message.Length);
        var frame = new FrameWriter(output, _framing);
        message.Span.CopyTo(frame.Payload);
        frame.Complete(message.Length);
        await _stream.WriteAsync(output.WrittenMemory, cancellation).ConfigureAwait(false);
    }

    /// <summary>The next message from the switch (keep-alives skipped); null when the switch closed the connection or sent a frame no framing reads.</summary>
    public async Task<byte[]?> ReceiveAsync(CancellationToken cancellation)
    {
        while (true)
        {
            var read = await _reader.ReadAsync(cancellation).ConfigureAwait(false);
            var buffer = read.Buffer;
            var status = FrameReader.TryRead(ref buffer, _framing, out var message, out _, out _);
            switch (status)
            {
                case FrameStatus.Message:
                    var bytes = message.ToArray();
                    _reader.AdvanceTo(buffer.Start);
                    return bytes;
                case FrameStatus.KeepAlive:
                    _reader.AdvanceTo(buffer.Start);
                    continue;
                case FrameStatus.Incomplete when !read.IsCompleted:
                    _reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                    continue;
                default:
                    return null;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
