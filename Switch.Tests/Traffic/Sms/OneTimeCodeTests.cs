using Switch.Traffic.Sms;

namespace Switch.Tests.Traffic.Sms;

public sealed class OneTimeCodeTests
{
    [Theory]
    [InlineData("Your code is 482913", "482913")]
    [InlineData("1234", "1234")]
    [InlineData("12345678 is your code", "12345678")]
    [InlineData("123456789 is your code", "123456789")]
    [InlineData("Card ending 4321: your code is 482913, valid 5 minutes", "482913")]
    [InlineData("Code 4829 for phone 138****5678", "4829")]
    public void The_longest_run_of_4_to_9_digits_is_the_code(string text, string code)
    {
        Assert.True(OneTimeCode.TryFind(text, out var found));
        Assert.Equal(code, found);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no code")]
    [InlineData("123 and 45")]
    [InlineData("1234567890 is too long to be a code")]
    public void A_text_without_such_a_run_has_no_code(string text) => Assert.False(OneTimeCode.TryFind(text, out _));
}
