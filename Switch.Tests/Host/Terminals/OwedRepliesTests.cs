using Switch.Host.Terminals;

namespace Switch.Tests.Host.Terminals;

public sealed class OwedRepliesTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_connection_owing_nothing_is_drained_at_once()
    {
        var owed = new OwedReplies();
        owed.Asked();
        owed.Answered();

        Assert.True(await owed.DrainAsync(Long, CancellationToken.None));
    }

    [Fact]
    public async Task The_drain_ends_when_the_last_owed_answer_comes()
    {
        var owed = new OwedReplies();
        owed.Asked();
        owed.Asked();

        var draining = owed.DrainAsync(Long, CancellationToken.None);
        owed.Answered();
        Assert.False(draining.IsCompleted);
        owed.Answered();

        Assert.True(await draining);
    }

    [Fact]
    public async Task An_answer_that_never_comes_ends_the_drain_at_its_timeout()
    {
        var owed = new OwedReplies();
        owed.Asked();

        Assert.False(await owed.DrainAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None));
        Assert.Equal(1, owed.Count);
    }

    [Fact]
    public async Task A_connection_closed_by_the_terminal_ends_the_drain()
    {
        var owed = new OwedReplies();
        owed.Asked();
        using var closed = new CancellationTokenSource();

        var draining = owed.DrainAsync(Long, closed.Token);
        await closed.CancelAsync();

        Assert.False(await draining);
    }
}
