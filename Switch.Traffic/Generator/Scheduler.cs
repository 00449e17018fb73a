namespace Switch.Traffic.Generator;

/// <summary>
/// The run's one timing loop, on its own thread: each pass sends every open-loop request whose due
/// time has passed, times out what waited too long, and retries sends the socket deferred. Passing
/// through everything due, instead of sleeping per request, keeps the pace exact with a coarse sleep
/// and batches the requests of one pass into one write per terminal.
/// </summary>
internal sealed class Scheduler(RunOptions options, TerminalSession[] sessions, RunClock clock, Task starting)
{
    // Open loop wakes each millisecond to keep to the timetable; closed loop only sweeps and retries.
    private readonly int _pauseMillis = options.ClosedLoop ? 10 : 1;

    /// <summary>Runs the sending window, then waits up to the timeout for the answers still outstanding.</summary>
    public void Run()
    {
        while (true)
        {
            var now = clock.NowMicros;
            if (!clock.IsSending(now) || (starting.IsCompleted && !AnyOpen()))
            {
                break;
            }

            foreach (var session in sessions)
            {
                if (session.IsOpen)
                {
                    Pass(session, now);
                }
            }

            Thread.Sleep(_pauseMillis);
        }

        clock.StopSending();
        Drain();
    }

    private void Pass(TerminalSession session, long now)
    {
        session.Sweep(now);
        if (session.Schedule is { } schedule)
        {
            var end = clock.SendingEndsMicros;
            while (schedule.NextDueMicros <= now && schedule.NextDueMicros < end && session.TrySend(schedule.NextDueMicros))
            {
                schedule.Advance();
            }
        }
        else
        {
            session.Refill();
        }

        session.Flush();
    }

    private void Drain()
    {
        // A closed-loop refill on a receiving thread may have read the clock just before the window
        // closed and be starting a request now; once every session's send lock has been through
        // such a start, none can begin, so the count awaited below only falls.
        foreach (var session in sessions)
        {
            session.AwaitStartUnderWay();
        }

        var deadline = clock.NowMicros + RunClock.ToMicros(options.Timeout);
        while (clock.NowMicros < deadline && Outstanding() > 0)
        {
            var now = clock.NowMicros;
            foreach (var session in sessions)
            {
                session.Sweep(now);
                session.Flush();
            }

            Thread.Sleep(1);
        }
    }

    private bool AnyOpen()
    {
        foreach (var session in sessions)
        {
            if (session.IsOpen)
            {
                return true;
            }
        }

        return false;
    }

    private long Outstanding()
    {
        long outstanding = 0;
        foreach (var session in sessions)
        {
            outstanding += session.Outstanding;
        }

        return outstanding;
    }
}
