using System.Text;
using CsCheck;
using Switch.Actors.Transactions;

namespace Switch.Tests.Actors.Transactions;

public sealed class LuhnTests
{
    [Theory]
    [InlineData("4761739001010010")]
    [InlineData("4111111111111111")]
    [InlineData("5555555555554444")]
    [InlineData("378282246310005")]
    [InlineData("6011111111111117")]
    [InlineData("30569309025904")]
    [InlineData("4222222222222")]
    [InlineData("79927398713")]
    [InlineData("6212345678901234569")]
    public void Known_good_numbers_are_valid(string digits) => Assert.True(Luhn.IsValid(Encoding.ASCII.GetBytes(digits)));

    [Theory]
    [InlineData("4111111111111112")]
    [InlineData("1234567812345678")]
    [InlineData("79927398710")]
    [InlineData("4761739001010011")]
    [InlineData("")]
    [InlineData("4761739001010O10")]
    [InlineData("4761739001010010=")]
    [InlineData("4761 7390 0101 0010")]
    public void Known_bad_numbers_and_non_digits_are_invalid(string digits) => Assert.False(Luhn.IsValid(Encoding.ASCII.GetBytes(digits)));

    [Theory]
    [InlineData("7992739871", '3')]
    [InlineData("476173900101001", '0')]
    [InlineData("", '0')]
    public void Check_digit_is_the_one_that_completes_a_known_number(string payload, char expected) =>
        Assert.Equal((byte)expected, Luhn.CheckDigit(Encoding.ASCII.GetBytes(payload)));

    [Fact]
    public void Check_digit_of_non_digits_throws() =>
        Assert.Throws<ArgumentException>(() => Luhn.CheckDigit("4761A"u8));

    private static readonly Gen<byte[]> Payloads = Gen.Int[0, 9].Select(d => (byte)('0' + d)).Array[1, 25];

    [Fact]
    public void Appending_the_computed_check_digit_always_validates() =>
        Payloads.Sample(
            payload => Assert.True(Luhn.IsValid([.. payload, Luhn.CheckDigit(payload)])),
            iter: 5000,
            print: p => Encoding.ASCII.GetString(p));

    [Fact]
    public void Changing_any_one_digit_of_a_valid_number_always_invalidates() =>
        Gen.Select(Payloads, Gen.Int[0, 25], Gen.Int[1, 9], (payload, position, shift) => (payload, position, shift)).Sample(
            sample =>
            {
                byte[] number = [.. sample.payload, Luhn.CheckDigit(sample.payload)];
                var at = sample.position % number.Length;
                number[at] = (byte)('0' + ((number[at] - '0' + sample.shift) % 10));
                Assert.False(Luhn.IsValid(number));
            },
            iter: 5000,
            print: s => $"{Encoding.ASCII.GetString(s.payload)} at {s.position} +{s.shift}");
}
