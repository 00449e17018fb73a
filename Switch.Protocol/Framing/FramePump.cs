using System.IO.Pipelines;

namespace Switch.Protocol.Framing;

/// <summary>
/// The read loop of a connection: reads the pipe, hands every whole frame to the handler, and
/// advances with (consumed, examined) so a partial frame waits for more bytes without being
/// re-scanned. Stops at the peer's close or at the first framing violation, which the caller logs
/// before closing that one connection.
/// </summary>
public static class FramePump
{
    /// <param name="handler">
    /// An object, not a struct: the pump holds it for the life of the connection, so state the
    /// handler keeps must be visible to whoever reads it afterwards.
    /// </param>
    public static async Task<FrameOutcome> RunAsync(
        PipeReader reader,
        FrameOptions options,
        IFrameHandler handler,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        long frames = 0;
        while (true)
        {
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return new FrameOutcome(FrameStatus.Incomplete, 0, frames);
            }

            var buffer = result.Buffer;
            var status = Drain(ref buffer, options, handler, ref frames, out var declared);
            if (status != FrameStatus.Incomplete)
            {
                reader.AdvanceTo(buffer.Start);
                return new FrameOutcome(status, declared, frames);
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                var leftover = buffer.Length;
                reader.AdvanceTo(buffer.End);
                return new FrameOutcome(leftover == 0 ? FrameStatus.Incomplete : FrameStatus.Truncated, declared, frames);
            }

            handler.OnReceived(buffer.Length);
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    // Synchronous, so the span-based reader never straddles an await.
    private static FrameStatus Drain(ref System.Buffers.ReadOnlySequence<byte> buffer, FrameOptions options, IFrameHandler handler, ref long frames, out int declared)
    {
        while (true)
        {
            var status = FrameReader.TryRead(ref buffer, options, out var message, out var tpdu, out declared);
            switch (status)
            {
                case FrameStatus.Message:
                    frames++;
                    handler.OnMessage(in message, tpdu);
                    break;
                case FrameStatus.KeepAlive:
                    handler.OnKeepAlive();
                    break;
                default:
                    return status;
            }
        }
    }
}
