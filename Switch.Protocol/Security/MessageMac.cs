using System.Buffers.Binary;
using System.Security.Cryptography;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Protocol.Security;

/// <summary>How a message's MAC compared.</summary>
public enum MacVerdict
{
    Valid,

    /// <summary>The MAC field (64, or 128 with a secondary bitmap) is absent.</summary>
    Missing,

    /// <summary>Present but not the MAC of the message under the key.</summary>
    Wrong,
}

/// <summary>
/// The MAC of an ISO 8583 message: the first 8 bytes of AES-CMAC over the packed message from the MTI
/// up to, not including, the MAC field's value (the bitmap with the MAC bit set; no length header or
/// TPDU). The MAC is in field 64, or in field 128 when the message has a secondary bitmap; either
/// way it is the message's last field. Both the switch and the traffic generator use this one definition.
/// </summary>
public static class MessageMac
{
    /// <summary>Bytes of the MAC value (field 64/128 is b 64).</summary>
    public const int Length = 8;

    /// <summary>The field that carries the MAC of <paramref name="message"/>.</summary>
    public static int FieldOf(in IsoMessage message) => message.HasSecondaryBitmap ? 128 : 64;

    /// <summary>Compares the message's MAC with the one computed under <paramref name="key"/>, in constant time.</summary>
    public static MacVerdict Verify(in IsoMessage message, AesCmac key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var field = FieldOf(in message);
        if (!message.Has(field))
        {
            return MacVerdict.Missing;
        }

        var bytes = message.Bytes;
        bytes.Overlaps(message.Raw(field), out var offset);
        Span<byte> expected = stackalloc byte[AesCmac.BlockSize];
        key.Compute(bytes[..offset], expected);
        Span<byte> received = stackalloc byte[Length];
        message.CopyValue(field, received);
        return CryptographicOperations.FixedTimeEquals(expected[..Length], received) ? MacVerdict.Valid : MacVerdict.Wrong;
    }

    /// <summary>
    /// The message with its MAC added as its last field (64, or 128 when it has a secondary bitmap):
    /// the bit set in the bitmap, the value appended. The message must parse and carry no MAC yet.
    /// </summary>
    public static byte[] Append(ReadOnlySpan<byte> message, IsoProfile profile, AesCmac key)
    {
        var parsed = IsoMessage.Parse(message, profile);
        var signed = new byte[message.Length + WireBytes(profile, FieldOf(in parsed))];
        message.CopyTo(signed);
        AppendInPlace(signed, message.Length, profile, key);
        return signed;
    }

    /// <summary>
    /// As <see cref="Append"/>, in place: the message is the first <paramref name="length"/> bytes of
    /// <paramref name="buffer"/>, which must have room for the MAC after it. Returns the new length.
    /// </summary>
    public static int AppendInPlace(Span<byte> buffer, int length, IsoProfile profile, AesCmac key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parsed = IsoMessage.Parse(buffer[..length], profile);
        var field = FieldOf(in parsed);
        if (parsed.Has(field))
        {
            throw new ArgumentException($"the message already carries field {field}", nameof(buffer));
        }

        var signedLength = length + WireBytes(profile, field);
        if (buffer.Length < signedLength)
        {
            throw new ArgumentException($"the buffer has no room for the MAC after {length} bytes", nameof(buffer));
        }

        SetBit(buffer, profile, field);
        Sign(buffer[..signedLength], length, profile[field]!, key);
        return signedLength;
    }

    private static int WireBytes(IsoProfile profile, int field) =>
        (profile[field] ?? throw new ArgumentException($"profile {profile.Name} has no field {field}", nameof(profile))).WireBytes(Length);

    private static void Sign(Span<byte> message, int macOffset, FieldSpec spec, AesCmac key)
    {
        Span<byte> mac = stackalloc byte[AesCmac.BlockSize];
        key.Compute(message[..macOffset], mac);
        FieldCodec.Encode(spec, mac[..Length], Length, message[macOffset..]);
    }

    /// <summary>Field 64 is the primary bitmap's last bit, 128 the secondary's.</summary>
    private static void SetBit(Span<byte> message, IsoProfile profile, int field)
    {
        var bitmap = message.Slice(profile.MtiBytes + (field == 128 ? profile.BitmapBytes : 0), profile.BitmapBytes);
        if (profile.Bitmap == BitmapEncoding.Binary)
        {
            bitmap[^1] |= 0x01;
            return;
        }

        Span<byte> raw = stackalloc byte[8];
        Iso8583.Encoding.Hex.Decode(bitmap, raw);
        BinaryPrimitives.WriteUInt64BigEndian(raw, BinaryPrimitives.ReadUInt64BigEndian(raw) | 1UL);
        Iso8583.Encoding.Hex.Encode(raw, bitmap);
    }
}
