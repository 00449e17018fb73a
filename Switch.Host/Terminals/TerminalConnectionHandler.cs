using System.IO.Pipelines;
using System.Threading.Channels;
using Akka.Actor;
using Microsoft.AspNetCore.Connections;
using Serilog;
using Switch.Actors.Terminals;
using Switch.Protocol.Framing;

namespace Switch.Host.Terminals;

/// <summary>
/// One terminal's persistent TCP connection on the Kestrel listener: a read loop that tells the
/// terminal entities, and a single writer that frames their replies and flushes once per batch.
/// Whatever one connection sends, only that connection is closed.
/// </summary>
public sealed class TerminalConnectionHandler : ConnectionHandler
{
    private readonly TerminalPort _port;
    private readonly ILogger _log;

    public TerminalConnectionHandler(TerminalPort port, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(log);
        _port = port;
        _log = log.ForContext<TerminalConnectionHandler>();
    }

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var log = _log.ForContext("Connection", connection.ConnectionId).ForContext("Remote", connection.RemoteEndPoint?.ToString());
        var framing = _port.Settings.Framing;
        var replies = Channel.CreateUnbounded<TerminalReply>(new UnboundedChannelOptions { SingleReader = true });
        var replyTo = _port.System.ActorOf(ConnectionReplyActor.Props(replies.Writer), $"terminal-connection-{connection.ConnectionId}");
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed, _port.Stopping);
        var reader = new TerminalFrameReader(_port, replyTo, replies.Writer, closing, log);
        var writing = WriteRepliesAsync(connection.Transport.Output, replies.Reader, framing, log);
        TerminalPortMetrics.Opened();
        try
        {
            var outcome = await FramePump.RunAsync(connection.Transport.Input, framing, reader, closing.Token).ConfigureAwait(false);
            var reason = reader.CloseReason ?? (outcome.IsClean ? null : outcome.Reason(framing));
            if (_port.Stopping.IsCancellationRequested)
            {
                // Replies still due are not awaited: the terminal reconnects (to another node of a
                // cluster) and its retransmission gets the journaled answer.
                log.Information("Closing terminal connection: the node is stopping");
            }
            else if (reason is not null)
            {
                TerminalPortMetrics.ClosedBadInput();
                log.Warning("Closing terminal connection: {Reason}", reason);
            }
        }
        catch (Exception ex) when (ex is IOException or ConnectionResetException or ObjectDisposedException)
        {
            log.Information("Terminal connection dropped: {Reason}", ex.Message);
        }
        finally
        {
            TerminalPortMetrics.Closed();
            replyTo.Tell(PoisonPill.Instance);
            replies.Writer.TryComplete();
            await writing.ConfigureAwait(false);
        }
    }

    private static async Task WriteRepliesAsync(PipeWriter output, ChannelReader<TerminalReply> replies, FrameOptions framing, ILogger log)
    {
        try
        {
            while (await replies.WaitToReadAsync().ConfigureAwait(false))
            {
                while (replies.TryRead(out var reply))
                {
                    if (reply.Message.Length > framing.MaxFrame - framing.TpduBytes)
                    {
                        log.Error("Dropped a reply of {Length} bytes: larger than the terminal frame maximum {MaxFrame}", reply.Message.Length, framing.MaxFrame);
                        continue;
                    }

                    var frame = new FrameWriter(output, framing, reply.Tpdu.Swapped());
                    reply.Message.CopyTo(frame.Payload);
                    frame.Complete(reply.Message.Length);
                }

                var flushed = await output.FlushAsync().ConfigureAwait(false);
                if (flushed.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ConnectionResetException or ObjectDisposedException or InvalidOperationException)
        {
            log.Information("Terminal connection writer stopped: {Reason}", ex.Message);
        }
    }
}
