using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Protocol.Iso8583.Tlv;
using Switch.Protocol.Security;

namespace Switch.Tests.Support;

/// <summary>
/// A keyed terminal's side of message authentication, as a POS would do it: its master key, the
/// session key it derives from the nonce in its sign-on answer (checked against the answer's check
/// value), the MAC on its requests and the check of the MAC on the switch's answers.
/// </summary>
internal sealed class MacTerminal : IDisposable
{
    /// <summary>RFC 4493's AES-128 example key, as good a master key as any for a test.</summary>
    public const string MasterKeyHex = "2b7e151628aed2a6abf7158809cf4f3c";

    private AesCmac? _session;

    public static byte[] MasterKey => Convert.FromHexString(MasterKeyHex);

    /// <summary>The session key, in hex: what a test searches the logs for.</summary>
    public string SessionKeyHex { get; private set; } = string.Empty;

    /// <summary>Derives the session key from the sign-on answer's field 62 (KN), confirming it by its check value (KC).</summary>
    public void SignedOn(ReceivedMessage answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var message = answer.Message;
        var tlv = message.Tlv(ChallengeTags.Field);
        Assert.True(tlv.TryFind(KeyExchangeTags.Nonce, out var nonceHex), "the sign-on answer carries no KN");
        Assert.True(tlv.TryFind(KeyExchangeTags.CheckValue, out var checkValue), "the sign-on answer carries no KC");
        var session = new byte[MacKeys.KeyLength];
        MacKeys.DeriveSessionKey(MasterKey, Convert.FromHexString(System.Text.Encoding.ASCII.GetString(nonceHex)), session);
        Assert.Equal(MacKeys.CheckValue(session), System.Text.Encoding.ASCII.GetString(checkValue));
        _session?.Dispose();
        _session = new AesCmac(session);
        SessionKeyHex = Convert.ToHexString(session);
    }

    /// <summary>The request with its MAC under the session key.</summary>
    public byte[] Sign(byte[] request) => MessageMac.Append(request, Iso87.Ascii, Session);

    /// <summary>The request with a MAC under the master key itself: right key material, wrong key.</summary>
    public static byte[] SignWithMasterKey(byte[] request)
    {
        using var master = new AesCmac(MasterKey);
        return MessageMac.Append(request, Iso87.Ascii, master);
    }

    public MacVerdict Verify(ReceivedMessage answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var message = answer.Message;
        return MessageMac.Verify(in message, Session);
    }

    public void Dispose() => _session?.Dispose();

    private AesCmac Session => _session ?? throw new InvalidOperationException("the terminal has not signed on");
}
