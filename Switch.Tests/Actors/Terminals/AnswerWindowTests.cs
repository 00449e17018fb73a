using Switch.Actors.Terminals;
using Switch.Actors.Transactions;

namespace Switch.Tests.Actors.Terminals;

public sealed class AnswerWindowTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Fact]
    public void An_answer_is_kept_for_the_window_and_forgotten_after_it()
    {
        var window = new AnswerWindow<string>(Window, limit: 10);
        window.Remember(Key(1), atUnixMs: 0, "00", nowUnixMs: 0);

        Assert.True(window.TryGet(Key(1), nowUnixMs: 299_999, out var kept));
        Assert.Equal("00", kept);
        Assert.False(window.TryGet(Key(1), nowUnixMs: 300_001, out _));
    }

    [Fact]
    public void Past_the_limit_the_oldest_answers_are_forgotten_first()
    {
        var window = new AnswerWindow<string>(Window, limit: 3);

        for (var stan = 1; stan <= 5; stan++)
        {
            window.Remember(Key(stan), atUnixMs: stan, $"answer {stan}", nowUnixMs: stan);
        }

        Assert.Equal(["answer 3", "answer 4", "answer 5"], window.Answers);
        Assert.False(window.TryGet(Key(2), nowUnixMs: 5, out _));
        Assert.True(window.TryGet(Key(3), nowUnixMs: 5, out _));
    }

    [Fact]
    public void A_key_answered_again_counts_once_and_keeps_its_latest_answer()
    {
        var window = new AnswerWindow<string>(Window, limit: 2);

        window.Remember(Key(1), atUnixMs: 1, "first", nowUnixMs: 1);
        window.Remember(Key(2), atUnixMs: 2, "second", nowUnixMs: 2);
        window.Remember(Key(1), atUnixMs: 3, "again", nowUnixMs: 3);

        Assert.Equal(["second", "again"], window.Answers);
    }

    private static DuplicateKey Key(int stan) => DuplicateKey.WithinTerminal(200, stan, transmissionDateTime: 1129100000, amount: 1000);
}
