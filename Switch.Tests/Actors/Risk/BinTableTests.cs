using System.Text;
using Switch.Actors.Risk;

namespace Switch.Tests.Actors.Risk;

public sealed class BinTableTests
{
    private static readonly BinTable Table = new(
    [
        new BinEntry("4", null, "visa"),
        new BinEntry("411111", "US", "visa"),
        new BinEntry("62", "CN", "unionpay"),
        new BinEntry("62258812345", "HK", "unionpay"),
    ]);

    [Theory]
    [InlineData("4111111111111111", "411111")]
    [InlineData("4761739001010010", "4")]
    [InlineData("6212345678901234569", "62")]
    [InlineData("6225881234567890", "62258812345")]
    [InlineData("62258812", "62")]
    public void The_longest_matching_prefix_wins(string pan, string prefix)
    {
        Assert.Equal(prefix, Table.Lookup(pan.AsSpan())?.Prefix);
        Assert.Equal(prefix, Table.Lookup(Encoding.ASCII.GetBytes(pan))?.Prefix);
    }

    [Fact]
    public void A_number_no_entry_covers_is_unknown()
    {
        Assert.Null(Table.Lookup("5555555555554444".AsSpan()));
        Assert.Null(Table.Lookup(ReadOnlySpan<char>.Empty));
        Assert.Null(BinTable.Empty.Lookup("4111111111111111".AsSpan()));
    }

    [Fact]
    public void Country_and_scheme_come_with_the_entry()
    {
        var entry = Table.Lookup("4111111111111111".AsSpan());

        Assert.Equal(new BinEntry("411111", "US", "visa"), entry);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4x")]
    [InlineData("123456789012")]
    public void A_prefix_that_is_not_1_to_11_digits_is_refused(string prefix) =>
        Assert.Throws<ArgumentException>(() => new BinTable([new BinEntry(prefix, "CN", null)]));

    [Fact]
    public void A_prefix_given_twice_is_refused() =>
        Assert.Throws<ArgumentException>(() => new BinTable([new BinEntry("62", "CN", null), new BinEntry("62", "HK", null)]));
}
