using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Tests.Support;

/// <summary>A terminal or link peer for tests: a real TCP connection that sends and receives framed messages.</summary>
internal sealed class FramedClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly PipeReader _reader;
    private readonly FrameOptions _framing;

    private FramedClient(Socket socket, FrameOptions framing, IsoProfile profile, Stream? stream = null)
    {
        _socket = socket;
        _stream = stream ?? new NetworkStream(socket, ownsSocket: true);
        _reader = PipeReader.Create(_stream);
        _framing = framing;
        Profile = profile;
    }

    public IsoProfile Profile { get; }

    public static async Task<FramedClient> ConnectAsync(IPEndPoint endpoint, IsoProfile? profile = null, FrameOptions? framing = null)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endpoint);
        return new FramedClient(socket, framing ?? FrameOptions.Default, profile ?? Iso87.Ascii);
    }

    /// <summary>Connects and completes a TLS handshake with <paramref name="tls"/>; throws what the handshake threw.</summary>
    public static async Task<FramedClient> ConnectTlsAsync(IPEndPoint endpoint, SslClientAuthenticationOptions tls)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endpoint);
        var stream = new SslStream(new NetworkStream(socket, ownsSocket: true));
        try
        {
            await stream.AuthenticateAsClientAsync(tls);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }

        return new FramedClient(socket, FrameOptions.Default, Iso87.Ascii, stream);
    }

    /// <summary>Builds a message with <paramref name="build"/> and sends it as one frame.</summary>
    public Task SendAsync(int mti, MessageBuilder build) => SendRawAsync(Build(Profile, mti, build));

    public async Task SendRawAsync(ReadOnlyMemory<byte> message, Tpdu tpdu = default)
    {
        var output = new ArrayBufferWriter<byte>();
        var frame = new FrameWriter(output, _framing, tpdu);
        message.Span.CopyTo(frame.Payload);
        frame.Complete(message.Length);
        await _stream.WriteAsync(output.WrittenMemory);
    }

    public async Task SendBytesAsync(ReadOnlyMemory<byte> bytes) => await _stream.WriteAsync(bytes);

    /// <summary>The next message frame's bytes (keep-alives skipped); null when the peer closed.</summary>
    public async Task<byte[]?> ReceiveAsync(TimeSpan? wait = null) => (await ReceiveWithTpduAsync(wait)).Message;

    /// <summary>The next message frame's bytes and TPDU; a null message when the peer closed.</summary>
    public async Task<(byte[]? Message, Tpdu Tpdu)> ReceiveWithTpduAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        while (true)
        {
            var result = await _reader.ReadAsync(timeout.Token);
            var buffer = result.Buffer;
            while (true)
            {
                var status = FrameReader.TryRead(ref buffer, _framing, out var message, out var tpdu, out _);
                if (status == FrameStatus.Message)
                {
                    var bytes = message.ToArray();
                    _reader.AdvanceTo(buffer.Start);
                    return (bytes, tpdu);
                }

                if (status != FrameStatus.KeepAlive)
                {
                    break;
                }
            }

            if (result.IsCompleted)
            {
                _reader.AdvanceTo(buffer.End);
                return (null, default);
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Receives and parses the next message; fails the test when the peer closed instead.</summary>
    public async Task<ReceivedMessage> ReceiveMessageAsync(TimeSpan? wait = null)
    {
        var bytes = await ReceiveAsync(wait) ?? throw new InvalidOperationException("the peer closed the connection");
        return new ReceivedMessage(bytes, Profile);
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.CompleteAsync();
        await _stream.DisposeAsync();
        _socket.Dispose();
    }

    public static byte[] Build(IsoProfile profile, int mti, MessageBuilder build)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new IsoMessageWriter(output, profile, mti);
        build(ref writer);
        writer.Complete();
        return output.WrittenSpan.ToArray();
    }
}

internal delegate void MessageBuilder(ref IsoMessageWriter writer);

/// <summary>A received message kept as bytes, parsed on demand (IsoMessage cannot be stored).</summary>
internal sealed record ReceivedMessage(byte[] Bytes, IsoProfile Profile)
{
    public IsoMessage Message => IsoMessage.Parse(Bytes, Profile);

    public int Mti => Message.Mti;

    public string this[int field] => Message.GetString(field);

    public bool Has(int field) => Message.Has(field);
}
