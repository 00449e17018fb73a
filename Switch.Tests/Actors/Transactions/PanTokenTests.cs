using System.Security.Cryptography;
using System.Text;
using Switch.Actors.Transactions;

namespace Switch.Tests.Actors.Transactions;

public sealed class PanTokenTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    private readonly PanToken _tokens = new(Key);

    [Fact]
    public void A_pan_s_token_is_stable_across_versions()
    {
        // HMAC-SHA256(key 00..1f, "4761739001010010"), first 16 bytes, computed outside .NET (Python hmac).
        Assert.Equal("6e02943edbe27feda07468363fa86db0", _tokens.Compute("4761739001010010"u8));
    }

    [Fact]
    public void Is_the_first_half_of_the_hmac_in_lowercase_hex()
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Key, "4111111111111111"u8)[..16]);

        Assert.Equal(expected, _tokens.Compute("4111111111111111"u8));
        Assert.Matches("^[0-9a-f]{32}$", expected);
    }

    [Fact]
    public void The_same_pan_and_key_give_the_same_token_from_any_instance_or_form()
    {
        var token = _tokens.Compute(TestRequests.Pan.AsSpan());

        Assert.Equal(token, _tokens.Compute(Encoding.ASCII.GetBytes(TestRequests.Pan)));
        Assert.Equal(token, new PanToken(Key).Compute(TestRequests.Pan.AsSpan()));
    }

    [Fact]
    public void Another_key_gives_another_token()
    {
        var otherKey = (byte[])Key.Clone();
        otherKey[^1] ^= 1;

        Assert.NotEqual(_tokens.Compute("4761739001010010"u8), new PanToken(otherKey).Compute("4761739001010010"u8));
    }

    [Fact]
    public void Another_pan_gives_another_token() =>
        Assert.NotEqual(_tokens.Compute("4761739001010010"u8), _tokens.Compute("4761739001010028"u8));

    [Fact]
    public void The_key_is_copied_at_construction()
    {
        var key = (byte[])Key.Clone();
        var tokens = new PanToken(key);
        var before = tokens.Compute("4761739001010010"u8);
        key[0] ^= 0xFF;

        Assert.Equal(before, tokens.Compute("4761739001010010"u8));
    }

    [Fact]
    public void A_key_under_32_bytes_is_refused() =>
        Assert.Throws<ArgumentException>(() => new PanToken(new byte[31]));

    [Theory]
    [InlineData("4761739001010010=2812")]
    [InlineData("47617390010")]
    [InlineData("47617390010100101234")]
    [InlineData("4761 7390 0101 0010")]
    [InlineData("")]
    public void Anything_but_12_to_19_digits_is_refused_without_echoing_it(string notAPan)
    {
        var fromBytes = Assert.Throws<ArgumentException>(() => _tokens.Compute(Encoding.ASCII.GetBytes(notAPan)));
        var fromText = Assert.Throws<ArgumentException>(() => _tokens.Compute(notAPan.AsSpan()));
        var masking = Assert.Throws<ArgumentException>(() => PanToken.MaskedPan(Encoding.ASCII.GetBytes(notAPan)));

        foreach (var error in new[] { fromBytes, fromText, masking })
        {
            Assert.DoesNotContain("4761", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("0010", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Text_that_is_not_ascii_is_refused() =>
        Assert.Throws<ArgumentException>(() => _tokens.Compute("４７６１７３９００１０１００１０".AsSpan()));

    [Theory]
    [InlineData("4761739001010010", "476173******0010")]
    [InlineData("4222222222222", "422222***2222")]
    [InlineData("400000000002", "********0002")] // under 13 digits first 6 / last 4 would hide too little
    [InlineData("6212345678901234569", "621234*********4569")]
    public void The_masked_pan_is_the_protocol_s_mask(string pan, string masked) =>
        Assert.Equal(masked, PanToken.MaskedPan(Encoding.ASCII.GetBytes(pan)));
}
