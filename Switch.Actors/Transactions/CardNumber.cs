using Switch.Protocol.Iso8583;

namespace Switch.Actors.Transactions;

/// <summary>Where a request's PAN comes from, and what makes one plausible.</summary>
public static class CardNumber
{
    public const int MinLength = 12;
    public const int MaxLength = 19;

    /// <summary>What a buffer for <see cref="TryCopy"/> must hold: a PAN may come inside track 2.</summary>
    public const int BufferLength = Track2.MaxLength;

    /// <summary>
    /// The PAN: field 2 when present, else track 2's digits before its separator. The PAN is the first
    /// <paramref name="length"/> bytes of <paramref name="buffer"/> (which must hold
    /// <see cref="BufferLength"/>); the rest may hold track data, so the caller zeroes all of it.
    /// </summary>
    public static bool TryCopy(in IsoMessage message, Span<byte> buffer, out int length)
    {
        if (message.Has(2))
        {
            return MessageFields.TryCopy(in message, 2, buffer[..MaxLength], out length);
        }

        length = 0;
        if (!MessageFields.TryCopy(in message, 35, buffer[..Track2.MaxLength], out var trackLength) ||
            !Track2.TrySplit(buffer[..trackLength], out var pan, out _))
        {
            return false;
        }

        length = pan.Length;
        return true;
    }

    /// <summary>12 to 19 digits with a correct Luhn check digit (ISO/IEC 7812).</summary>
    public static bool IsValid(ReadOnlySpan<byte> pan) => pan.Length is >= MinLength and <= MaxLength && Luhn.IsValid(pan);
}
