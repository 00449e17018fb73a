namespace Switch.Protocol.Iso8583.Tlv;

/// <summary>
/// The field 62 tags of the key exchange in a keyed terminal's sign-on answer (0810): neither is a
/// secret, since the session key needs the terminal's master key as well.
/// </summary>
public static class KeyExchangeTags
{
    /// <summary>KN: the sign-on nonce, 32 hex digits; the session MAC key is derived from the master key and it.</summary>
    public static ReadOnlySpan<byte> Nonce => "KN"u8;

    /// <summary>KC: the session key's check value, 6 hex digits, so the terminal can confirm its derivation.</summary>
    public static ReadOnlySpan<byte> CheckValue => "KC"u8;
}
