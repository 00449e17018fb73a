using Switch.Actors.Cards.Challenges;

namespace Switch.Tests.Actors.Cards.Challenges;

public sealed class ChallengeIdsTests
{
    [Fact]
    public void An_id_is_24_base32_characters_fit_for_the_terminal_entity()
    {
        var id = ChallengeIds.New();

        Assert.Matches("^[A-Z2-7]{24}$", id);
        Assert.True(id.Length <= 32);
        Assert.True(ChallengeIds.IsWellFormed(id));
    }

    [Fact]
    public void Ids_do_not_repeat_and_use_the_whole_alphabet()
    {
        var ids = Enumerable.Range(0, 2000).Select(_ => ChallengeIds.New()).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(32, ids.SelectMany(id => id).Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVW")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXY")]
    [InlineData("abcdefghijklmnopqrstuvwx")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVW1")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVW=")]
    public void Anything_else_is_not_an_id_of_ours(string id) => Assert.False(ChallengeIds.IsWellFormed(id));
}
