using Switch.Actors.Events;
using Switch.Actors.Terminals;

namespace Switch.Tests.Actors.Terminals;

public sealed class ReversalMemoryTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);
    private const long Now = 1_796_000_000_000;

    [Fact]
    public void Past_the_limit_the_oldest_is_forgotten_first()
    {
        var memory = new ReversalMemory(Window, limit: 2);

        memory.Add(Transaction("000000000001", Now - 3), Now);
        memory.Add(Transaction("000000000002", Now - 2), Now);
        memory.Add(Transaction("000000000003", Now - 1), Now);

        Assert.False(memory.TryGet("000000000001", out _));
        Assert.Equal(["000000000003", "000000000002"], memory.NewestFirst(Now).Select(t => t.Started.Rrn));
        Assert.Equal(["000000000002", "000000000003"], memory.All.Select(t => t.Started.Rrn));
    }

    [Fact]
    public void Past_the_window_a_transaction_is_no_longer_offered_and_then_forgotten()
    {
        var memory = new ReversalMemory(Window, limit: 10);
        var windowMs = (long)Window.TotalMilliseconds;
        memory.Add(Transaction("000000000001", Now), Now);

        Assert.Single(memory.NewestFirst(Now + windowMs));
        Assert.Empty(memory.NewestFirst(Now + windowMs + 1));

        memory.Add(Transaction("000000000002", Now + windowMs + 1), Now + windowMs + 1);
        Assert.False(memory.TryGet("000000000001", out _));
    }

    [Fact]
    public void Marking_reversed_replaces_the_entry_and_leaves_what_a_snapshot_took_alone()
    {
        var memory = new ReversalMemory(Window, limit: 10);
        memory.Add(Transaction("000000000001", Now), Now);
        var taken = memory.All.Single();

        memory.MarkReversed("000000000001");

        Assert.False(taken.Reversed);
        Assert.True(memory.TryGet("000000000001", out var now) && now.Reversed);
    }

    [Theory]
    [InlineData(Outcome.Answered, true)]
    [InlineData(Outcome.ReversalQueued, true)]
    [InlineData(Outcome.ReversalRefused, true)]
    [InlineData(Outcome.DeclinedLocally, false)]
    [InlineData(Outcome.Unavailable, false)]
    public void Only_outcomes_after_which_the_acquirer_may_hold_it_are_reversible(Outcome outcome, bool reversible) =>
        Assert.Equal(reversible, ReversalMemory.MayHaveReached(outcome));

    [Fact]
    public void A_window_or_limit_that_keeps_nothing_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReversalMemory(TimeSpan.Zero, limit: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReversalMemory(Window, limit: 0));
    }

    private static ReversibleTransaction Transaction(string rrn, long atUnixMs) =>
        new() { Started = new TransactionStarted { Rrn = rrn, Acquirer = "acq-a" }, AtUnixMs = atUnixMs };
}
