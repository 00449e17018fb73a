using CsCheck;
using Switch.Actors.Cards.Challenges;

namespace Switch.Tests.Actors.Cards.Challenges;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("+8613812345678", "8613812345678")]
    [InlineData("13812345678", "13812345678")]
    [InlineData("123456", "123456")]
    [InlineData("+123456", "123456")]
    [InlineData("123456789012345", "123456789012345")]
    [InlineData("+000000", "000000")]
    public void A_plus_and_6_to_15_digits_is_a_phone_whose_digits_are_kept(string typed, string expected)
    {
        Assert.True(PhoneNumbers.TryNormalize(typed, out var normalized));
        Assert.Equal(expected, normalized);
        Assert.True(PhoneNumbers.IsNormalized(normalized));
    }

    [Theory]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("12345")]
    [InlineData("+12345")]
    [InlineData("1234567890123456")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("(138)12345678")]
    [InlineData("++8613812345678")]
    [InlineData("+ 8613812345678")]
    [InlineData("8613812345678+")]
    [InlineData(" 13812345678")]
    [InlineData("13812345678\n")]
    [InlineData("１３８１２３４５６７８")]
    [InlineData("١٣٨١٢٣٤٥٦٧٨")]
    [InlineData("0x13812345")]
    public void Anything_else_is_a_format_error_without_an_exception(string typed)
    {
        Assert.False(PhoneNumbers.TryNormalize(typed, out var normalized));
        Assert.Equal(string.Empty, normalized);
    }

    [Fact]
    public void Any_text_is_a_phone_exactly_when_it_is_an_optional_plus_and_6_to_15_ascii_digits()
    {
        var digits = Gen.String[Gen.Char['0', '9'], 0, 20];
        var anything = Gen.String[Gen.Char, 0, 20];
        var typed = Gen.OneOf(digits, digits.Select(d => "+" + d), anything, Gen.Select(digits, anything, digits, (a, b, c) => a + b + c));

        typed.Sample(text =>
        {
            var body = text.StartsWith('+') ? text[1..] : text;
            var expected = body.Length is >= 6 and <= 15 && body.All(char.IsAsciiDigit);

            Assert.Equal(expected, PhoneNumbers.TryNormalize(text, out var normalized));
            Assert.Equal(expected ? body : string.Empty, normalized);
        });
    }
}
