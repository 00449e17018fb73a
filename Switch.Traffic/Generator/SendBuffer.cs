using System.Buffers;
using System.Net.Sockets;

namespace Switch.Traffic.Generator;

/// <summary>
/// A terminal's outgoing bytes. Frames are written straight into it and sent without blocking:
/// what the socket does not take now waits for the next flush, so one slow peer never stalls the
/// scheduler that feeds every terminal. Over TLS a flush moves it all to the wire's own write.
/// </summary>
internal sealed class SendBuffer : IBufferWriter<byte>
{
    private byte[] _buffer;
    private int _length;

    public SendBuffer(int initialCapacity) => _buffer = new byte[initialCapacity];

    /// <summary>Bytes written and not yet taken by the socket.</summary>
    public int Length => _length;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _length);
        _length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_length);
    }

    /// <summary>Hands the socket (a non-blocking one) what it will take; throws <see cref="SocketException"/> when the connection is broken.</summary>
    public void FlushTo(Socket socket)
    {
        if (_length == 0)
        {
            return;
        }

        var sent = socket.Send(_buffer, 0, _length, SocketFlags.None, out var error);
        if (error is not (SocketError.Success or SocketError.WouldBlock))
        {
            throw new SocketException((int)error);
        }

        if (sent > 0)
        {
            _buffer.AsSpan(sent, _length - sent).CopyTo(_buffer);
            _length -= sent;
        }
    }

    /// <summary>Moves every byte written into <paramref name="target"/> (grown when too small) and returns how many.</summary>
    public int MoveTo(ref byte[] target)
    {
        var length = _length;
        if (target.Length < length)
        {
            target = new byte[Math.Max(length, target.Length * 2)];
        }

        _buffer.AsSpan(0, length).CopyTo(target);
        _length = 0;
        return length;
    }

    private void Reserve(int sizeHint)
    {
        var needed = _length + Math.Max(sizeHint, 1);
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
        }
    }
}
