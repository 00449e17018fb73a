namespace Switch.Actors.Risk;

/// <summary>
/// A terminal's count and sum of requests over the last minute and hour, in two rings of 60
/// buckets (seconds and minutes): fixed memory however busy the terminal, at the price of the hour
/// being counted in whole minutes (59 to 60 of them). Kept in memory only; after a restart it
/// starts empty, which errs towards allowing.
/// </summary>
public sealed class TerminalActivity
{
    private const int Buckets = 60;

    private readonly Ring _seconds = new();
    private readonly Ring _minutes = new();

    public void Record(DateTimeOffset at, long amountMinor)
    {
        var second = at.ToUnixTimeSeconds();
        _seconds.Add(second, amountMinor);
        _minutes.Add(second / 60, amountMinor);
    }

    public TerminalVelocity Velocity(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        return new TerminalVelocity(_seconds.Total(second), _minutes.Total(second / 60));
    }

    /// <summary>The last <see cref="Buckets"/> periods, each bucket stamped with the period it holds.</summary>
    private sealed class Ring
    {
        private readonly long[] _period = new long[Buckets];
        private readonly int[] _count = new int[Buckets];
        private readonly long[] _sum = new long[Buckets];

        public Ring() => Array.Fill(_period, long.MinValue);

        public void Add(long period, long amountMinor)
        {
            var i = (int)(((period % Buckets) + Buckets) % Buckets);
            if (_period[i] > period)
            {
                // Older than what the bucket already holds: out of every window this ring answers.
                return;
            }

            if (_period[i] < period)
            {
                _period[i] = period;
                _count[i] = 0;
                _sum[i] = 0;
            }

            _count[i]++;
            _sum[i] += amountMinor;
        }

        public ActivityTotals Total(long currentPeriod)
        {
            var totals = default(ActivityTotals);
            for (var i = 0; i < Buckets; i++)
            {
                if (_period[i] > currentPeriod - Buckets && _period[i] <= currentPeriod)
                {
                    totals = totals.Add(new ActivityTotals(_count[i], _sum[i]));
                }
            }

            return totals;
        }
    }
}
