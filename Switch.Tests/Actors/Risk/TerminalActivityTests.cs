using Switch.Actors.Risk;
using static Switch.Tests.Actors.Risk.RiskTestSettings;

namespace Switch.Tests.Actors.Risk;

public sealed class TerminalActivityTests
{
    [Fact]
    public void The_last_minute_and_hour_are_counted_and_summed()
    {
        var terminal = new TerminalActivity();
        terminal.Record(Noon - TimeSpan.FromMinutes(61), 1);
        terminal.Record(Noon - TimeSpan.FromMinutes(30), 10);
        terminal.Record(Noon - TimeSpan.FromSeconds(59), 100);
        terminal.Record(Noon, 1000);

        var velocity = terminal.Velocity(Noon);

        Assert.Equal(new ActivityTotals(2, 1100), velocity.LastMinute);
        Assert.Equal(new ActivityTotals(3, 1110), velocity.LastHour);
        Assert.Equal(default, terminal.Velocity(Noon + TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_busy_terminal_keeps_counting_in_fixed_memory()
    {
        var terminal = new TerminalActivity();
        for (var i = 0; i < 7200; i++)
        {
            terminal.Record(Noon + TimeSpan.FromSeconds(i / 2.0), 5);
        }

        var velocity = terminal.Velocity(Noon + TimeSpan.FromSeconds(3599.5));

        Assert.Equal(120, velocity.LastMinute.Count);
        Assert.Equal(600, velocity.LastMinute.SumMinor);
        Assert.Equal(7200, velocity.LastHour.Count);
    }

    [Fact]
    public void A_use_older_than_what_its_bucket_holds_is_ignored()
    {
        var terminal = new TerminalActivity();
        terminal.Record(Noon, 1);
        terminal.Record(Noon - TimeSpan.FromSeconds(60), 1);

        Assert.Equal(1, terminal.Velocity(Noon).LastMinute.Count);
    }
}
