using System.Buffers;
using System.Buffers.Binary;
using Switch.Protocol.Iso8583.Encoding;

namespace Switch.Protocol.Framing;

/// <summary>
/// Frames one message in place: reserves the length header (and TPDU) in the output's buffer,
/// hands out the space for the message, then writes the header and advances. One contiguous write,
/// no copy.
/// </summary>
public ref struct FrameWriter
{
    private readonly IBufferWriter<byte> _output;
    private readonly FrameOptions _options;
    private readonly Span<byte> _frame;

    /// <param name="tpdu">The TPDU to send when the framing has one (a reply's is the request's, swapped).</param>
    public FrameWriter(IBufferWriter<byte> output, FrameOptions options, Tpdu tpdu = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        _output = output;
        _options = options;
        _frame = output.GetSpan(options.HeaderBytes + options.MaxFrame)[..(options.HeaderBytes + options.MaxFrame)];
        if (options.Tpdu)
        {
            tpdu.Write(_frame.Slice(options.HeaderBytes, Tpdu.Length));
        }
    }

    /// <summary>Where the message goes; its length is bounded by the maximum frame.</summary>
    public readonly Span<byte> Payload => _frame[(_options.HeaderBytes + _options.TpduBytes)..];

    /// <summary>Writes the header for a message of <paramref name="messageLength"/> bytes and commits the frame.</summary>
    public readonly void Complete(int messageLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(messageLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(messageLength, Payload.Length);
        var length = _options.TpduBytes + messageLength;
        WriteHeader(_options, length, _frame);
        _output.Advance(_options.HeaderBytes + length);
    }

    /// <summary>A zero-length frame: the keep-alive both sides ignore.</summary>
    public static void WriteKeepAlive(IBufferWriter<byte> output, FrameOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        WriteHeader(options, 0, output.GetSpan(options.HeaderBytes));
        output.Advance(options.HeaderBytes);
    }

    private static void WriteHeader(FrameOptions options, int length, Span<byte> destination)
    {
        if (options.Header == LengthHeader.Binary2)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)length);
        }
        else
        {
            AsciiDigits.WriteFixed(length, destination[..4]);
        }
    }
}
