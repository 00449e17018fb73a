using System.Reflection;
using Switch.Actors.Transactions;

namespace Switch.Tests.Actors.Transactions;

public sealed class ResponseCodesTests
{
    [Fact]
    // The design's list, and 25 for reversals, which the terminal-reversal issue added after it.
    public void The_constants_are_exactly_the_codes_the_design_lists()
    {
        var codes = typeof(ResponseCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(
            ["00", "05", "12", "13", "14", "1A", "25", "30", "51", "54", "58", "59", "63", "68", "75", "91", "94", "95", "96"],
            codes.Order(StringComparer.Ordinal));
    }
}
