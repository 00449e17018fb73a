using System.Globalization;

namespace Switch.Actors.Transactions;

/// <summary>
/// Assigns retrieval reference numbers (field 37): 12 digits <c>YDDDNSSSSSSS</c>. Y is the last digit
/// of the year and DDD the day of the year (UTC), as in the usual Visa-style RRN, so support staff can
/// still read the date off a receipt; N is this node's id (0–9); SSSSSSS is a sequence within the day.
/// <para>
/// The sequence is not a plain counter but a clock: one step is 8.64 ms (10^7 steps a day), and each
/// RRN takes the later of "one past the last" and "the step now". Reading (day, step) as one number, a
/// ticket, every RRN a generator issues is above the one before (a clock stepping back changes nothing)
/// and never below the clock. That is the uniqueness argument:
/// <list type="bullet">
/// <item>across nodes: N differs, provided configuration gives each live node its own id;</item>
/// <item>within a process: tickets strictly increase, and a ticket maps to exactly one RRN within the
/// ten years Y spans;</item>
/// <item>across a restart: the new process starts at the clock, which is above every ticket the old
/// one issued as long as the old one was not ahead of the clock by more than the downtime.</item>
/// </list>
/// Limits, stated so they can be watched: up to 10 nodes. Up to 10^7 RRNs per node per day; beyond that
/// the sequence runs into the next day's numbers (unique, but the date reads a day late). A node that
/// averages under 115 per second never runs ahead of its clock; a burst above that puts it ahead by
/// (burst − 115 × seconds) × 8.64 ms, which the clock then wins back, and a crash followed by a restart
/// inside that lead can reissue RRNs (as can a clock set back across a restart). Dropping the Visa
/// format's hour (hh) is what buys the node digit and a seventh sequence digit: YDDDhh with a node
/// digit would leave 10^5 per node per hour, 28 per second.
/// </para>
/// Thread-safe: one generator per node may serve every transaction on it.
/// </summary>
public sealed class RrnGenerator
{
    public const int Length = 12;

    private const long StepsPerDay = 10_000_000;
    private const long TicksPerStep = TimeSpan.TicksPerDay / StepsPerDay;

    private readonly int _node;
    private long _last = long.MinValue;

    public RrnGenerator(int nodeId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nodeId, 9);
        _node = nodeId;
    }

    /// <summary>Writes the next RRN's 12 ASCII digits into <paramref name="destination"/>.</summary>
    public void Next(DateTimeOffset now, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Length, nameof(destination));
        var clock = Ticket(now);
        long last;
        long next;
        do
        {
            last = Volatile.Read(ref _last);
            next = Math.Max(last + 1, clock);
        }
        while (Interlocked.CompareExchange(ref _last, next, last) != last);

        Format(next, destination);
    }

    /// <summary>
    /// Continues after an RRN a previous process of this node issued (read back from the journal at
    /// start), so a restart inside the lead a burst built up cannot issue it again. RRNs of other
    /// nodes or not in the generator's form are ignored. The year is the latest ending in the RRN's
    /// digit up to next year (a lead of more than a year would take billions of RRNs).
    /// </summary>
    /// <returns>Whether the RRN was this node's and was taken into account.</returns>
    public bool ResumeAfter(string rrn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rrn);
        if (rrn.Length != Length || !rrn.All(char.IsAsciiDigit) || rrn[4] - '0' != _node)
        {
            return false;
        }

        var yearDigit = rrn[0] - '0';
        var dayOfYear = int.Parse(rrn.AsSpan(1, 3), CultureInfo.InvariantCulture);
        var step = long.Parse(rrn.AsSpan(5), CultureInfo.InvariantCulture);
        var year = now.UtcDateTime.Year - (((now.UtcDateTime.Year % 10) - yearDigit + 10) % 10);
        if (year == now.UtcDateTime.Year - 9)
        {
            // Next year's digit: a node ahead of its clock across New Year, not an RRN of nine years ago.
            year += 10;
        }

        if (dayOfYear < 1 || dayOfYear > (DateTime.IsLeapYear(year) ? 366 : 365))
        {
            return false;
        }

        var day = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(dayOfYear - 1);
        var ticket = (day.Ticks / TimeSpan.TicksPerDay * StepsPerDay) + step;
        long last;
        do
        {
            last = Volatile.Read(ref _last);
            if (last >= ticket)
            {
                return true;
            }
        }
        while (Interlocked.CompareExchange(ref _last, ticket, last) != last);

        return true;
    }

    /// <summary>The next RRN as a string, for events and logs (an RRN is not card data).</summary>
    public string Next(DateTimeOffset now)
    {
        Span<byte> digits = stackalloc byte[Length];
        Next(now, digits);
        return System.Text.Encoding.ASCII.GetString(digits);
    }

    private static long Ticket(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        return (ticks / TimeSpan.TicksPerDay * StepsPerDay) + (ticks % TimeSpan.TicksPerDay / TicksPerStep);
    }

    private void Format(long ticket, Span<byte> destination)
    {
        var day = new DateTime(ticket / StepsPerDay * TimeSpan.TicksPerDay, DateTimeKind.Utc);
        destination[0] = (byte)('0' + (day.Year % 10));
        day.DayOfYear.TryFormat(destination[1..4], out _, "D3", CultureInfo.InvariantCulture);
        destination[4] = (byte)('0' + _node);
        (ticket % StepsPerDay).TryFormat(destination[5..Length], out _, "D7", CultureInfo.InvariantCulture);
    }
}
