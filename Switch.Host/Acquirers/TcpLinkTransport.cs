using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading.Channels;
using Serilog;
using Serilog.Events;
using Switch.Actors.Acquirers;
using Switch.Host.Tls;
using Switch.Protocol.Framing;

namespace Switch.Host.Acquirers;

/// <summary>
/// The outbound TCP connection under one acquirer link: a read loop hands every whole frame to
/// <see cref="ILinkTransportEvents.OnMessage"/>, and a single writer frames the queued messages and
/// flushes once per batch. It makes one connection attempt and keeps no link state. With TLS
/// configured the attempt includes the handshake: one that fails is a failed connect.
/// </summary>
/// <remarks>
/// <para>
/// Once <see cref="ConnectAsync"/> has succeeded, <see cref="ILinkTransportEvents.OnClosed"/> is
/// raised exactly once, after the last <see cref="ILinkTransportEvents.OnMessage"/>, whatever ends
/// the connection: the peer's close, an I/O error, a framing violation, <see cref="Close"/> or
/// <see cref="DisposeAsync"/>. When <see cref="ConnectAsync"/> fails (or is cancelled, or
/// <see cref="Close"/> interrupts it) OnClosed is not raised: the exception is the signal.
/// </para>
/// <para>
/// Events come from the transport's own tasks, never from a caller of <see cref="TrySend"/> or
/// <see cref="Close"/>. Closing drops what is still queued. <see cref="DisposeAsync"/> returns once
/// no further event can be raised, so an event handler must not await it: it would wait for itself.
/// </para>
/// </remarks>
public sealed class TcpLinkTransport : ILinkTransport
{
    private const string ClosedLocally = "closed by the switch";
    private const int New = 0;
    private const int Connecting = 1;
    private const int Open = 2;
    private const int Closed = 3;

    private readonly AcquirerLinkSettings _settings;
    private readonly LinkTlsSettings? _tls;
    private readonly ILinkTransportEvents _events;
    private readonly ILogger _log;
    private readonly LinkFrameForwarder _forwarder;
    private readonly int _maxMessage;
    private readonly Channel<byte[]> _outbound = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;
    private string? _closeReason;

    /// <param name="tls">The link's TLS; null for plain TCP.</param>
    public TcpLinkTransport(AcquirerLinkSettings settings, ILinkTransportEvents events, ILogger log, LinkTlsSettings? tls = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(log);
        _settings = settings;
        _tls = tls;
        _events = events;
        _log = log.ForContext<TcpLinkTransport>();
        _forwarder = new LinkFrameForwarder(events);
        _maxMessage = settings.Framing.MaxFrame - settings.Framing.TpduBytes;
    }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Connecting, New) != New)
        {
            throw new InvalidOperationException("A transport connects once, before it is closed; make a new one for the next attempt.");
        }

        var socket = CreateSocket(_settings.Endpoint);
        Stream stream;
        try
        {
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
            await socket.ConnectAsync(_settings.Endpoint, connecting.Token).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (_tls is not null)
            {
                stream = await LinkTls.AuthenticateAsync(stream, _tls, connecting.Token).ConfigureAwait(false);
            }

            if (Interlocked.CompareExchange(ref _state, Open, Connecting) != Connecting)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                throw new OperationCanceledException("The transport was closed while connecting.");
            }
        }
        catch (Exception ex)
        {
            socket.Dispose();
            _stopped.TrySetResult();
            // A refused connect is routine while an acquirer restarts: debug only, the caller owns
            // the retry policy. A refused handshake is a certificate or configuration to fix.
            _log.Write(
                ex is AuthenticationException ? LogEventLevel.Warning : LogEventLevel.Debug,
                "Link {Link} could not connect to {Endpoint}: {Reason}",
                _settings.Name,
                _settings.Endpoint,
                ex.Message);
            throw;
        }

        _log.Information("Link {Link} connected to {Endpoint} over {Transport}", _settings.Name, _settings.Endpoint, stream is SslStream tls ? $"TLS ({tls.SslProtocol})" : "TCP");
        // On the pool, so no event is ever raised on the thread that awaited the connect.
        _ = Task.Run(() => RunAsync(stream), CancellationToken.None);
    }

    public bool TrySend(byte[] message)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Checked here, on the caller's thread: a message that cannot be framed is the caller's
        // mistake, and must not bring down the writer the link's other messages share.
        ArgumentOutOfRangeException.ThrowIfZero(message.Length, nameof(message));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(message.Length, _maxMessage, nameof(message));
        return Volatile.Read(ref _state) == Open && _outbound.Writer.TryWrite(message);
    }

    public void Close()
    {
        switch (Interlocked.Exchange(ref _state, Closed))
        {
            case New:
                _stopped.TrySetResult();
                break;
            case Connecting:
                // ConnectAsync sees the cancellation (or the state) and fails, which is its signal.
                _ = _closing.CancelAsync();
                break;
            case Open:
                Shutdown(ClosedLocally);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Close();
        await _stopped.Task.ConfigureAwait(false);
    }

    // A DNS name may resolve to either address family; the dual-mode socket takes both.
    private static Socket CreateSocket(EndPoint endpoint) =>
        endpoint is IPEndPoint ip
            ? new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };

    private async Task RunAsync(Stream stream)
    {
        try
        {
            await using (stream.ConfigureAwait(false))
            {
                var reader = PipeReader.Create(stream);
                var writer = PipeWriter.Create(stream);
                await Task.WhenAll(ReceiveAsync(reader), SendAsync(writer)).ConfigureAwait(false);
                await reader.CompleteAsync().ConfigureAwait(false);
                // Completing with a cause returns the buffers without flushing them to a peer
                // that may have stopped reading.
                await writer.CompleteAsync(new IOException(_closeReason)).ConfigureAwait(false);
            }

            var reason = _closeReason!;
            _log.Write(
                reason == ClosedLocally ? LogEventLevel.Information : LogEventLevel.Warning,
                "Link {Link} to {Endpoint} closed: {Reason}",
                _settings.Name,
                _settings.Endpoint,
                reason);
            _events.OnClosed(reason);
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private async Task ReceiveAsync(PipeReader reader)
    {
        try
        {
            var outcome = await FramePump.RunAsync(reader, _settings.Framing, _forwarder, _closing.Token).ConfigureAwait(false);
            Shutdown(outcome.Reason(_settings.Framing));
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            Shutdown($"receiving failed: {ex.Message}");
        }
        catch (Exception ex)
        {
            // A receiver that throws is a bug on the other side; the connection still has to end,
            // or the writer would wait for messages forever.
            _log.Error(ex, "Link {Link} receiver failed", _settings.Name);
            Shutdown($"receiver failed: {ex.GetType().Name}");
        }
    }

    private async Task SendAsync(PipeWriter writer)
    {
        var queue = _outbound.Reader;
        try
        {
            while (await queue.WaitToReadAsync(_closing.Token).ConfigureAwait(false))
            {
                while (queue.TryRead(out var message))
                {
                    Frame(writer, message);
                }

                await writer.FlushAsync(_closing.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // Closing interrupted a wait or a flush; what was still queued goes with the connection.
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            Shutdown($"sending failed: {ex.Message}");
        }
        catch (Exception ex)
        {
            // Neither loop may end without closing the connection, or the other would run on.
            _log.Error(ex, "Link {Link} sender failed", _settings.Name);
            Shutdown($"sender failed: {ex.GetType().Name}");
        }
    }

    private void Frame(PipeWriter writer, byte[] message)
    {
        var frame = new FrameWriter(writer, _settings.Framing);
        message.CopyTo(frame.Payload);
        frame.Complete(message.Length);
    }

    // The first reason wins: whatever ends the connection first is what OnClosed reports.
    private void Shutdown(string reason)
    {
        if (Interlocked.CompareExchange(ref _closeReason, reason, null) is not null)
        {
            return;
        }

        _outbound.Writer.TryComplete();
        // Asynchronously (here and in Close), so a loop woken by the cancellation never runs on,
        // and raises OnClosed from, the thread that called Close.
        _ = _closing.CancelAsync();
    }
}
