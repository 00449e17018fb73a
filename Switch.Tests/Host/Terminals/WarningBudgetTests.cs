using Serilog.Events;
using Switch.Host.Terminals;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Terminals;

public sealed class WarningBudgetTests
{
    private readonly RecordingLog _log = new();

    [Fact]
    public void A_second_allows_its_budget_and_drops_the_rest()
    {
        var budget = new WarningBudget(perSecond: 3);

        var taken = Enumerable.Range(0, 10).Count(i => budget.TryTake(_log.Logger, nowMs: 5_000 + i));

        Assert.Equal(3, taken);
        Assert.Empty(_log.AtLeast(LogEventLevel.Verbose));
    }

    [Fact]
    public void The_next_second_opens_with_a_line_counting_what_was_dropped()
    {
        var budget = new WarningBudget(perSecond: 2);
        for (var i = 0; i < 7; i++)
        {
            budget.TryTake(_log.Logger, nowMs: 100);
        }

        Assert.True(budget.TryTake(_log.Logger, nowMs: 1_100));
        Assert.True(budget.TryTake(_log.Logger, nowMs: 1_101));
        Assert.False(budget.TryTake(_log.Logger, nowMs: 2_099));

        var line = Assert.Single(_log.AtLeast(LogEventLevel.Warning));
        Assert.StartsWith("5 more terminal connection warnings were not logged", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quiet_second_opens_without_a_count()
    {
        var budget = new WarningBudget(perSecond: 2);
        budget.TryTake(_log.Logger, nowMs: 0);

        Assert.True(budget.TryTake(_log.Logger, nowMs: 60_000));
        Assert.Empty(_log.AtLeast(LogEventLevel.Verbose));
    }
}
