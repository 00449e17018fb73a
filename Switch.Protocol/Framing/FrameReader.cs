using System.Buffers;
using System.Buffers.Binary;
using Switch.Protocol.Iso8583.Encoding;

namespace Switch.Protocol.Framing;

/// <summary>
/// Reads frames straight out of a pipe's buffer: no copy, no allocation. Each call consumes at most
/// one frame from the front of <c>buffer</c>; on <see cref="FrameStatus.Incomplete"/> the buffer is
/// left as it was, so the caller advances to <c>buffer.Start</c> having examined <c>buffer.End</c>.
/// </summary>
public static class FrameReader
{
    /// <param name="buffer">The unread bytes; moved past the frame when one is read.</param>
    /// <param name="options">The listener's or link's framing.</param>
    /// <param name="message">The frame's message bytes, TPDU excluded (a slice of the buffer).</param>
    /// <param name="tpdu">The frame's TPDU when the framing has one.</param>
    /// <param name="declaredLength">The length the header declared (for logging a rejected frame).</param>
    public static FrameStatus TryRead(
        ref ReadOnlySequence<byte> buffer,
        FrameOptions options,
        out ReadOnlySequence<byte> message,
        out Tpdu tpdu,
        out int declaredLength)
    {
        ArgumentNullException.ThrowIfNull(options);
        message = default;
        tpdu = default;
        declaredLength = 0;
        var headerBytes = options.HeaderBytes;
        if (buffer.Length < headerBytes)
        {
            return FrameStatus.Incomplete;
        }

        Span<byte> header = stackalloc byte[4];
        buffer.Slice(0, headerBytes).CopyTo(header);
        declaredLength = options.Header == LengthHeader.Binary2
            ? BinaryPrimitives.ReadUInt16BigEndian(header)
            : AsciiDigits.ParseSmall(header[..4]);
        if (declaredLength < 0)
        {
            return FrameStatus.BadHeader;
        }

        if (declaredLength > options.MaxFrame)
        {
            return FrameStatus.TooLarge;
        }

        if (declaredLength == 0)
        {
            buffer = buffer.Slice(headerBytes);
            return FrameStatus.KeepAlive;
        }

        if (declaredLength < options.TpduBytes)
        {
            return FrameStatus.MissingTpdu;
        }

        if (buffer.Length < headerBytes + declaredLength)
        {
            return FrameStatus.Incomplete;
        }

        var frame = buffer.Slice(headerBytes, declaredLength);
        if (options.Tpdu)
        {
            Span<byte> raw = stackalloc byte[Tpdu.Length];
            frame.Slice(0, Tpdu.Length).CopyTo(raw);
            tpdu = Tpdu.Read(raw);
            frame = frame.Slice(Tpdu.Length);
        }

        message = frame;
        buffer = buffer.Slice(headerBytes + declaredLength);
        return FrameStatus.Message;
    }
}
