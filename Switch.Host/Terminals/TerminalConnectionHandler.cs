using System.IO.Pipelines;
using System.Net;
using System.Threading.Channels;
using Akka.Actor;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Serilog;
using Switch.Actors.Terminals;
using Switch.Host.Configuration;
using Switch.Protocol.Framing;

namespace Switch.Host.Terminals;

/// <summary>
/// One terminal's persistent TCP connection on the Kestrel listener: a read loop that tells the
/// terminal entities, and a single writer that frames their replies and flushes once per batch.
/// Whatever one connection sends, only that connection is closed. Connections beyond the port's
/// limits are turned away as they arrive; idle and slow ones are closed on Kestrel's heartbeat.
/// </summary>
public sealed class TerminalConnectionHandler : ConnectionHandler
{
    /// <summary>Enough to see what an attack is and where it comes from, too few to fill a disk.</summary>
    private const int WarningsPerSecond = 20;

    private readonly TerminalPort _port;
    private readonly ConnectionGate _gate;
    private readonly WarningBudget _warnings = new(WarningsPerSecond);
    private readonly ILogger _log;

    public TerminalConnectionHandler(TerminalPort port, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(log);
        _port = port;
        _gate = new ConnectionGate(port.Settings.Limits.MaxConnections, port.Settings.Limits.MaxConnectionsPerAddress);
        _log = log.ForContext<TerminalConnectionHandler>();
    }

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var log = _log.ForContext("Connection", connection.ConnectionId).ForContext("Remote", connection.RemoteEndPoint?.ToString());
        var address = (connection.RemoteEndPoint as IPEndPoint)?.Address;
        if (_gate.TryEnter(address) is { } refused)
        {
            // Returning closes the socket at once; the terminal's reconnect backoff does the rest.
            TerminalPortMetrics.Refused(refused);
            var limits = _port.Settings.Limits;
            if (_warnings.TryTake(_log, Environment.TickCount64))
            {
                log.Warning(
                    "Refused a terminal connection: {Limit} reached ({Max} connections)",
                    refused, refused == ConnectionGate.NodeLimit ? limits.MaxConnections : limits.MaxConnectionsPerAddress);
            }

            return;
        }

        try
        {
            await ServeAsync(connection, log).ConfigureAwait(false);
        }
        finally
        {
            _gate.Leave(address);
        }
    }

    private async Task ServeAsync(ConnectionContext connection, ILogger log)
    {
        var framing = _port.Settings.Framing;
        var limits = _port.Settings.Limits;
        var heartbeat = connection.Features.Get<IConnectionHeartbeatFeature>()
            ?? throw new InvalidOperationException("the terminal port needs Kestrel's connection heartbeat for its timeouts");
        var replies = Channel.CreateUnbounded<TerminalReply>(new UnboundedChannelOptions { SingleReader = true });
        var owed = new OwedReplies();
        var replyTo = _port.System.ActorOf(ConnectionReplyActor.Props(replies.Writer, owed), $"terminal-connection-{connection.ConnectionId}");
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed, _port.Stopping);
        var closer = new ConnectionCloser(closing);
        var watchdog = new ConnectionWatchdog(limits, Environment.TickCount64);
        heartbeat.OnHeartbeat(_ => CloseIfOverdue(watchdog, closer, limits), closer);
        var reader = new TerminalFrameReader(_port, replyTo, owed, replies.Writer, closer, watchdog, log, _warnings);
        var writing = WriteRepliesAsync(connection.Transport.Output, replies.Reader, framing, log);
        TerminalPortMetrics.Opened();
        try
        {
            var outcome = await FramePump.RunAsync(connection.Transport.Input, framing, reader, closing.Token).ConfigureAwait(false);
            var cause = closer.End();
            if (_port.Stopping.IsCancellationRequested)
            {
                await DrainAsync(owed, log, connection.ConnectionClosed).ConfigureAwait(false);
            }
            else if (cause?.Limit is { } limit)
            {
                TerminalPortMetrics.ClosedByLimit(limit);
                // A terminal gone quiet is usually a dead NAT mapping, not an attack.
                if (limit == ConnectionWatchdog.Idle)
                {
                    log.Information("Closing terminal connection ({Limit}): {Reason}", limit, cause.Reason);
                }
                else if (_warnings.TryTake(_log, Environment.TickCount64))
                {
                    log.Warning("Closing terminal connection ({Limit}): {Reason}", limit, cause.Reason);
                }
            }
            else if ((cause?.Reason ?? (outcome.IsClean ? null : outcome.Reason(framing))) is { } reason)
            {
                TerminalPortMetrics.ClosedBadInput();
                if (_warnings.TryTake(_log, Environment.TickCount64))
                {
                    log.Warning("Closing terminal connection: {Reason}", reason);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ConnectionResetException or ObjectDisposedException)
        {
            log.Information("Terminal connection dropped: {Reason}", ex.Message);
        }
        finally
        {
            closer.End();
            TerminalPortMetrics.Closed();
            replyTo.Tell(PoisonPill.Instance);
            replies.Writer.TryComplete();
            await writing.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Nothing more is read once the node stops; what was read is answered on this connection if the
    /// answers come within the drain timeout. Past it the terminal reconnects (to another node of a
    /// cluster) and its retransmission gets the journaled answer.
    /// </summary>
    private async Task DrainAsync(OwedReplies owed, ILogger log, CancellationToken closed)
    {
        var drainTimeout = _port.Settings.DrainTimeout;
        if (await owed.DrainAsync(drainTimeout, closed).ConfigureAwait(false))
        {
            log.Information("Closing terminal connection: the node is stopping, every request read was answered");
        }
        else
        {
            log.Warning("Closing terminal connection: the node is stopping, {Owed} request(s) unanswered after {DrainTimeout}", owed.Count, drainTimeout);
        }
    }

    // On Kestrel's heartbeat thread, about once a second for every connection.
    private static void CloseIfOverdue(ConnectionWatchdog watchdog, ConnectionCloser closer, TerminalLimits limits)
    {
        switch (watchdog.Check(Environment.TickCount64))
        {
            case ConnectionWatchdog.Idle:
                closer.Close($"no bytes received for {limits.IdleTimeout}", ConnectionWatchdog.Idle);
                break;
            case ConnectionWatchdog.SlowFrame:
                closer.Close($"a frame begun was not complete within {limits.FrameTimeout}", ConnectionWatchdog.SlowFrame);
                break;
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
