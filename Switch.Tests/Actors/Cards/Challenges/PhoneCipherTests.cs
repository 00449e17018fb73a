using System.Text;
using Switch.Actors.Cards.Challenges;

namespace Switch.Tests.Actors.Cards.Challenges;

public sealed class PhoneCipherTests
{
    private const string Phone = "8613812345678";
    private const string Card = "6e02943edbe27feda07468363fa86db0";
    private const string OtherCard = "9f86d081884c7d65aa7468363fa86db0";

    private static readonly byte[] Key = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    private readonly PhoneCipher _cipher = new(Key);

    [Fact]
    public void A_sealed_phone_opens_for_its_card_and_holds_no_digit_of_it_in_clear()
    {
        var sealedPhone = _cipher.Seal(Phone, Card);

        Assert.True(_cipher.TryOpen(sealedPhone, Card, out var phone));
        Assert.Equal(Phone, phone);
        Assert.Equal(1 + 12 + Phone.Length + 16, sealedPhone.Length);
        Assert.Equal((byte)1, sealedPhone[0]);
        Assert.DoesNotContain("12345678", Encoding.Latin1.GetString(sealedPhone), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_seal_has_its_own_nonce()
    {
        Assert.NotEqual(_cipher.Seal(Phone, Card), _cipher.Seal(Phone, Card));
    }

    [Fact]
    public void A_sealed_phone_copied_to_another_card_does_not_open()
    {
        var sealedPhone = _cipher.Seal(Phone, Card);

        Assert.False(_cipher.TryOpen(sealedPhone, OtherCard, out var phone));
        Assert.Equal(string.Empty, phone);
        Assert.False(_cipher.Matches(sealedPhone, OtherCard, Phone));
    }

    [Fact]
    public void Any_changed_byte_and_any_cut_stops_it_opening()
    {
        var sealedPhone = _cipher.Seal(Phone, Card);
        for (var i = 0; i < sealedPhone.Length; i++)
        {
            var tampered = sealedPhone.ToArray();
            tampered[i] ^= 0x01;
            Assert.False(_cipher.TryOpen(tampered, Card, out _), $"byte {i} flipped");
            Assert.False(_cipher.TryOpen(sealedPhone.AsSpan(0, i), Card, out _), $"cut to {i} bytes");
        }

        Assert.False(_cipher.TryOpen([.. sealedPhone, 0], Card, out _));
    }

    [Fact]
    public void Another_key_or_key_version_does_not_open_it()
    {
        var sealedPhone = _cipher.Seal(Phone, Card);

        Assert.False(new PhoneCipher([.. Key, 0]).TryOpen(sealedPhone, Card, out _));
        Assert.False(new PhoneCipher(Key, keyVersion: 2).TryOpen(sealedPhone, Card, out _));
        Assert.True(new PhoneCipher(Key, keyVersion: 2).TryOpen(new PhoneCipher(Key, keyVersion: 2).Seal(Phone, Card), Card, out _));
    }

    [Theory]
    [InlineData("8613812345678", true)]
    [InlineData("8613812345679", false)]
    [InlineData("861381234567", false)]
    [InlineData("86138123456780", false)]
    [InlineData("13812345678", false)]
    [InlineData("861381234567800", false)]
    [InlineData("+8613812345678", false)]
    [InlineData("", false)]
    [InlineData("8613812345678123", false)]
    public void Matches_only_the_very_phone_sealed(string typed, bool expected)
    {
        Assert.Equal(expected, _cipher.Matches(_cipher.Seal(Phone, Card), Card, typed));
    }

    [Fact]
    public void Nothing_matches_a_sealed_phone_that_does_not_open()
    {
        Assert.False(_cipher.Matches([], Card, Phone));
        Assert.False(_cipher.Matches(new byte[1 + 12 + Phone.Length + 16], Card, Phone));
    }

    [Fact]
    public void A_short_key_or_an_unnormalized_phone_is_the_caller_s_mistake_and_never_shown()
    {
        Assert.Throws<ArgumentException>(() => new PhoneCipher(new byte[31]));
        var error = Assert.Throws<ArgumentException>(() => _cipher.Seal("+8613812345678", Card));
        Assert.DoesNotContain("8613812345678", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => _cipher.Seal(Phone, ""));
    }
}
