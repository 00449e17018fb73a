using Switch.Actors.Risk;
using static Switch.Tests.Actors.Risk.RiskTestSettings;

namespace Switch.Tests.Actors.Risk;

public sealed class MccGroupsTests
{
    [Theory]
    [InlineData("5411", MccGroup.Grocery)]
    [InlineData("5311", MccGroup.Retail)]
    [InlineData("5200", MccGroup.Retail)]
    [InlineData("5999", MccGroup.Retail)]
    [InlineData("6000", MccGroup.Other)]
    [InlineData("7995", MccGroup.Gambling)]
    [InlineData("541", MccGroup.Other)]
    [InlineData("54x1", MccGroup.Other)]
    [InlineData("", MccGroup.Other)]
    public void A_code_is_in_the_narrowest_entry_that_holds_it_and_anything_else_is_other(string mcc, MccGroup group) =>
        Assert.Equal(group, Mcc.Group(mcc));

    [Theory]
    [InlineData("7995", MccRiskClass.High)]
    [InlineData("5967", MccRiskClass.Medium)]
    [InlineData("5411", MccRiskClass.Low)]
    [InlineData("nope", MccRiskClass.Low)]
    public void Risk_classes_default_to_low(string mcc, MccRiskClass riskClass) => Assert.Equal(riskClass, Mcc.RiskClass(mcc));

    [Fact]
    public void The_same_code_in_two_groups_at_the_same_width_is_refused_naming_both()
    {
        var error = Assert.Throws<ArgumentException>(() => new MccGroups(
            [new(MccGroup.Grocery, Range("5411")), new(MccGroup.Retail, Range("5411"))],
            []));

        Assert.Contains("5411", error.Message, StringComparison.Ordinal);
        Assert.Contains("grocery", error.Message, StringComparison.Ordinal);
        Assert.Contains("retail", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5411", 5411, 5411)]
    [InlineData("0742", 742, 742)]
    [InlineData("3000-3999", 3000, 3999)]
    public void Codes_and_ranges_parse(string text, int first, int last)
    {
        Assert.True(MccRange.TryParse(text, out var range));
        Assert.Equal(new MccRange(first, last), range);
        Assert.Equal(text, range.ToString());
    }

    [Theory]
    [InlineData("541")]
    [InlineData("54111")]
    [InlineData("3999-3000")]
    [InlineData("3000-")]
    [InlineData("abcd")]
    [InlineData("+541")]
    public void Anything_else_is_not_a_range(string text) => Assert.False(MccRange.TryParse(text, out _));
}
