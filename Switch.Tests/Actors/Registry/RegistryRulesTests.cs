using Switch.Actors.Registry;

namespace Switch.Tests.Actors.Registry;

public sealed class RegistryRulesTests
{
    [Theory]
    [InlineData("M1")]
    [InlineData("M00000000000001")]
    [InlineData("!~#-_.")]
    public void A_mid_is_1_to_15_printable_ascii_characters_without_spaces(string mid) => Assert.Null(RegistryRules.Mid(mid));

    [Theory]
    [InlineData("")]
    [InlineData("M000000000000001")]
    [InlineData("M 1")]
    [InlineData("Mé")]
    [InlineData("M\t1")]
    public void Anything_else_is_not_a_mid(string mid) =>
        Assert.Equal($"mid: '{mid}' must be 1 to 15 printable ASCII characters without spaces", RegistryRules.Mid(mid));

    [Theory]
    [InlineData("T1", null)]
    [InlineData("T0000001", null)]
    [InlineData("T00000001", "tid: 'T00000001' must be 1 to 8 printable ASCII characters without spaces")]
    public void A_tid_is_1_to_8_printable_ascii_characters(string tid, string? error) => Assert.Equal(error, RegistryRules.Tid(tid));

    [Theory]
    [InlineData("5411", null)]
    [InlineData("0742", null)]
    [InlineData("54x1", "mcc: '54x1' is not 4 digits")]
    [InlineData("541", "mcc: '541' is not 4 digits")]
    [InlineData("٥٤١١", "mcc: '٥٤١١' is not 4 digits")]
    public void An_mcc_is_4_ascii_digits(string mcc, string? error) => Assert.Equal(error, RegistryRules.Mcc(mcc));

    [Theory]
    [InlineData("CN", true)]
    [InlineData("cn", false)]
    [InlineData("CHN", false)]
    [InlineData("C1", false)]
    public void A_country_is_two_capital_letters(string country, bool valid) =>
        Assert.Equal(valid, RegistryRules.Country(country) is null);

    [Theory]
    [InlineData("Demo Shop", true)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("Shop\n", false)]
    public void A_name_is_1_to_64_characters_not_blank(string name, bool valid) =>
        Assert.Equal(valid, RegistryRules.Name(name) is null);

    [Fact]
    public void A_name_of_65_characters_is_too_long() =>
        Assert.StartsWith("name: must be 1 to 64 characters", RegistryRules.Name(new string('x', 65)), StringComparison.Ordinal);

    [Fact]
    public void A_merchant_is_checked_field_by_field_in_order()
    {
        var merchant = new Merchant("M1", "Shop", "54x1", "cn", ChallengePolicy.Risk);

        Assert.Equal("mcc: '54x1' is not 4 digits", RegistryRules.Check(merchant));
        Assert.Null(RegistryRules.Check(merchant with { Mcc = "5411", Country = "CN" }));
        Assert.StartsWith("feePlan:", RegistryRules.Check(merchant with { Mcc = "5411", Country = "CN", FeePlan = "" }), StringComparison.Ordinal);
        Assert.StartsWith("challenge:", RegistryRules.Check(merchant with { Mcc = "5411", Country = "CN", Challenge = (ChallengePolicy)9 }), StringComparison.Ordinal);
    }
}
