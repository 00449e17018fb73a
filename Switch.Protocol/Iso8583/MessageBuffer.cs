using System.Buffers;

namespace Switch.Protocol.Iso8583;

/// <summary>
/// Room to write one message in: a pooled array of at least the default frame, copied out at the
/// message's exact length and given back on <see cref="Dispose"/>. Writing through an
/// <see cref="ArrayBufferWriter{T}"/> cost a fresh 4 KB array per message, since
/// <see cref="IsoMessageWriter"/> asks for a whole frame up front; on the authorization path that
/// was a third of all the bytes the switch allocated.
/// </summary>
public ref struct MessageBuffer
{
    private byte[]? _rented;

    private MessageBuffer(byte[] rented) => _rented = rented;

    public readonly Span<byte> Span => _rented ?? throw new ObjectDisposedException(nameof(MessageBuffer));

    /// <param name="minimum">Bytes the message may need, when it can be longer than the default frame.</param>
    public static MessageBuffer Rent(int minimum = IsoMessageWriter.DefaultCapacity) =>
        new(ArrayPool<byte>.Shared.Rent(Math.Max(minimum, IsoMessageWriter.DefaultCapacity)));

    /// <summary>The first <paramref name="length"/> bytes (what <see cref="IsoMessageWriter.Complete"/> returned), copied out.</summary>
    public readonly byte[] ToArray(int length) => Span[..length].ToArray();

    public void Dispose()
    {
        if (_rented is { } rented)
        {
            _rented = null;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
