using System.Text;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Tests.Actors.Transactions;

public sealed class OriginalDataElementsTests
{
    /// <summary>The vectors' purchase as field 90 names it: 0200, STAN 000123, sent 1129120000, institutions 12345 and 6789.</summary>
    public const string Example = "0200" + "000123" + "1129120000" + "00000012345" + "00000006789";

    [Fact]
    public void Parses_each_element_at_its_position()
    {
        Assert.True(OriginalDataElements.TryParse(Encoding.ASCII.GetBytes(Example), out var original));

        Assert.Equal(new OriginalDataElements(200, 123, 1129120000, 12345, 6789), original);
    }

    [Fact]
    public void Formats_the_digits_it_parses()
    {
        Assert.Equal(Example, new OriginalDataElements(200, 123, 1129120000, 12345, 6789).ToDigits());
    }

    [Fact]
    public void Parses_the_largest_values_each_element_holds()
    {
        Assert.True(OriginalDataElements.TryParse(Encoding.ASCII.GetBytes(new string('9', 42)), out var original));

        Assert.Equal(new OriginalDataElements(9999, 999_999, 9_999_999_999, 99_999_999_999, 99_999_999_999), original);
    }

    [Theory]
    [InlineData("")]
    [InlineData(Example + "0")]
    [InlineData("020000012311291200000000001234500000006789 ")]
    [InlineData("02000001231129120000000000123450000000678")]
    [InlineData("0200000123112912000000000012345000000067-9")]
    [InlineData("0200 00123112912000000000012345000000006789")]
    [InlineData("0200000123112912000000000012345D0000006789")]
    public void Anything_but_42_digits_is_refused(string value)
    {
        Assert.False(OriginalDataElements.TryParse(Encoding.ASCII.GetBytes(value), out var original));
        Assert.Equal(default, original);
    }

    [Theory]
    [MemberData(nameof(TestRequests.Profiles), MemberType = typeof(TestRequests))]
    public void Reads_field_90_of_a_reversal_in_either_profile(string profileName)
    {
        var profile = IsoProfiles.Get(profileName);
        var message = IsoMessage.Parse(TestRequests.Reversal().With(90, Example).Build(profile), profile);
        Span<byte> digits = stackalloc byte[OriginalDataElements.Length];
        Assert.Equal(OriginalDataElements.Length, message.CopyValue(90, digits));

        Assert.True(OriginalDataElements.TryParse(digits, out var original));
        Assert.Equal(123, original.Stan);
    }
}
