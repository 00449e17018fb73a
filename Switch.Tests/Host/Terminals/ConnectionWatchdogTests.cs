using Switch.Host.Configuration;
using Switch.Host.Terminals;

namespace Switch.Tests.Host.Terminals;

/// <summary>The watchdog's clock is passed in, so each limit is tested at exact instants.</summary>
public sealed class ConnectionWatchdogTests
{
    private const long Start = 1_000_000;
    private static readonly TerminalLimits Limits = new(100, 0, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), 10);

    [Fact]
    public void A_connection_that_sends_nothing_is_idle_once_the_idle_timeout_has_passed()
    {
        var watchdog = new ConnectionWatchdog(Limits, Start);

        Assert.Null(watchdog.Check(Start + 59_999));
        Assert.Equal(ConnectionWatchdog.Idle, watchdog.Check(Start + 60_000));
    }

    [Fact]
    public void Every_read_restarts_the_idle_clock()
    {
        var watchdog = new ConnectionWatchdog(Limits, Start);

        watchdog.FrameCompleted();
        watchdog.Received(pending: 0, Start + 50_000);

        Assert.Null(watchdog.Check(Start + 109_999));
        Assert.Equal(ConnectionWatchdog.Idle, watchdog.Check(Start + 110_000));
    }

    [Fact]
    public void A_frame_left_unfinished_past_the_frame_timeout_is_slow_even_while_bytes_trickle_in()
    {
        var watchdog = new ConnectionWatchdog(Limits, Start);

        watchdog.Received(pending: 2, Start + 1_000);
        for (var second = 2; second <= 10; second++)
        {
            watchdog.Received(pending: second + 1, Start + (second * 1_000));
        }

        Assert.Null(watchdog.Check(Start + 10_999));
        Assert.Equal(ConnectionWatchdog.SlowFrame, watchdog.Check(Start + 11_000));
    }

    [Fact]
    public void A_frame_completed_in_time_clears_the_frame_clock()
    {
        var watchdog = new ConnectionWatchdog(Limits, Start);

        watchdog.Received(pending: 2, Start);
        watchdog.FrameCompleted();
        watchdog.Received(pending: 0, Start + 9_000);

        Assert.Null(watchdog.Check(Start + 30_000));
    }

    [Fact]
    public void A_pipelining_terminal_whose_reads_keep_ending_mid_frame_is_not_slow()
    {
        var watchdog = new ConnectionWatchdog(Limits, Start);

        // Each read completes the frame the last one left unfinished and ends inside the next.
        for (var second = 0; second <= 30; second++)
        {
            if (second > 0)
            {
                watchdog.FrameCompleted();
            }

            watchdog.Received(pending: 7, Start + (second * 1_000));
        }

        Assert.Null(watchdog.Check(Start + 31_000));
        Assert.Equal(ConnectionWatchdog.SlowFrame, watchdog.Check(Start + 40_000));
    }
}
