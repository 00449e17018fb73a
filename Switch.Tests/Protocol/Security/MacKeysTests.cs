using Switch.Protocol.Security;

namespace Switch.Tests.Protocol.Security;

/// <summary>
/// The session-key derivation and the check value, against results computed independently with
/// OpenSSL: <c>openssl mac -cipher AES-128-CBC -macopt hexkey:KEY CMAC</c> over the KDF's input
/// ([1]₃₂ ‖ "switch terminal MAC" ‖ 0x00 ‖ nonce ‖ [128]₃₂), and over 16 zero bytes for the check value.
/// </summary>
public sealed class MacKeysTests
{
    private static readonly byte[] Master = Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c");

    [Fact]
    public void The_session_key_is_sp800_108_counter_mode_with_aes_cmac()
    {
        var nonce = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
        var session = new byte[16];

        MacKeys.DeriveSessionKey(Master, nonce, session);

        Assert.Equal("748D43FA0A0B7AD9CB63366CCD77E06D", Convert.ToHexString(session));
    }

    [Fact]
    public void Another_nonce_derives_another_session_key()
    {
        var first = new byte[16];
        var second = new byte[16];

        MacKeys.DeriveSessionKey(Master, MacKeys.NewNonce(), first);
        MacKeys.DeriveSessionKey(Master, MacKeys.NewNonce(), second);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void The_check_value_is_the_first_3_bytes_of_the_cmac_of_a_zero_block()
    {
        Assert.Equal("7AD386", MacKeys.CheckValue(Master));
    }

    [Fact]
    public void A_master_key_or_nonce_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => MacKeys.DeriveSessionKey(new byte[32], new byte[16], new byte[16]));
        Assert.Throws<ArgumentException>(() => MacKeys.DeriveSessionKey(Master, new byte[8], new byte[16]));
    }
}
