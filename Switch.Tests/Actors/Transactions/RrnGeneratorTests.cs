using System.Collections.Concurrent;
using System.Text;
using Switch.Actors.Transactions;

namespace Switch.Tests.Actors.Transactions;

public sealed class RrnGeneratorTests
{
    /// <summary>One sequence step: a day is 10^7 of them.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromTicks(86_400);

    private static readonly DateTimeOffset Noon = TestRequests.Now; // 2026-11-29 12:00 UTC, day 333

    [Fact]
    public void Reads_year_digit_day_of_year_node_and_the_clock_s_step_of_the_day()
    {
        var rrn = new RrnGenerator(4).Next(Noon);

        // Noon is half of the day's 10^7 steps.
        Assert.Equal("633345000000", rrn);
    }

    [Fact]
    public void Writes_the_same_form_as_ascii_bytes()
    {
        var destination = new byte[RrnGenerator.Length];
        new RrnGenerator(4).Next(Noon, destination);

        Assert.Equal("633345000000", Encoding.ASCII.GetString(destination));
    }

    [Fact]
    public void After_resuming_from_an_rrn_ahead_of_the_clock_the_next_one_follows_it()
    {
        var restarted = new RrnGenerator(4);

        Assert.True(restarted.ResumeAfter("633345000123", Noon));

        Assert.Equal("633345000124", restarted.Next(Noon));
    }

    [Fact]
    public void Resuming_from_an_rrn_behind_the_clock_changes_nothing()
    {
        var restarted = new RrnGenerator(4);

        Assert.True(restarted.ResumeAfter("633245000123", Noon));

        Assert.Equal("633345000000", restarted.Next(Noon));
    }

    [Theory]
    [InlineData("633335000999")]
    [InlineData("63334500012")]
    [InlineData("6333450001x3")]
    [InlineData("699945000000")]
    public void Resuming_ignores_other_nodes_and_malformed_rrns(string rrn)
    {
        var restarted = new RrnGenerator(4);

        Assert.False(restarted.ResumeAfter(rrn, Noon));

        Assert.Equal("633345000000", restarted.Next(Noon));
    }

    [Fact]
    public void An_rrn_issued_ahead_across_new_year_is_read_as_next_year()
    {
        var newYearsEve = new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero);
        var restarted = new RrnGenerator(1);

        Assert.True(restarted.ResumeAfter("700111234567", newYearsEve));

        Assert.Equal("700111234568", restarted.Next(newYearsEve));
    }

    [Fact]
    public void A_destination_under_12_bytes_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RrnGenerator(0).Next(Noon, new byte[11]));

    [Theory]
    [InlineData(-1)]
    [InlineData(10)]
    public void Node_ids_are_one_digit(int node) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RrnGenerator(node));

    [Fact]
    public void The_day_is_the_utc_day()
    {
        // 2027-01-01 07:00 in UTC+8 is still 2026-12-31 in UTC: day 365 of 2026.
        var rrn = new RrnGenerator(0).Next(new DateTimeOffset(2027, 1, 1, 7, 0, 0, TimeSpan.FromHours(8)));

        Assert.StartsWith("6365", rrn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leap_year_has_a_day_366() =>
        Assert.StartsWith("8366", new RrnGenerator(0).Next(new DateTimeOffset(2028, 12, 31, 12, 0, 0, TimeSpan.Zero)), StringComparison.Ordinal);

    [Fact]
    public void Requests_faster_than_the_clock_take_the_following_numbers()
    {
        var generator = new RrnGenerator(1);

        Assert.Equal("633315000000", generator.Next(Noon));
        Assert.Equal("633315000001", generator.Next(Noon));
        Assert.Equal("633315000002", generator.Next(Noon));
        Assert.Equal("633315000010", generator.Next(Noon + (10 * Step)));
    }

    [Fact]
    public void A_clock_that_steps_back_never_repeats_a_number()
    {
        var generator = new RrnGenerator(1);
        var issued = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(issued.Add(generator.Next(Noon + TimeSpan.FromMilliseconds(i % 2 == 0 ? i : -i))));
        }
    }

    [Fact]
    public void The_last_step_of_a_day_runs_into_the_next_day_s_numbers()
    {
        var generator = new RrnGenerator(2);
        var lastStepOfTheYear = new DateTimeOffset(2026, 12, 31, 23, 59, 59, 999, TimeSpan.Zero);

        Assert.Equal("636529999999", generator.Next(lastStepOfTheYear));
        Assert.Equal("700120000000", generator.Next(lastStepOfTheYear));
    }

    [Fact]
    public void Two_nodes_never_issue_the_same_number()
    {
        var a = new RrnGenerator(0);
        var b = new RrnGenerator(1);
        var issued = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 50_000; i++)
        {
            var now = Noon + (i * Step / 2);
            Assert.True(issued.Add(a.Next(now)));
            Assert.True(issued.Add(b.Next(now)));
        }
    }

    [Fact]
    public void A_restart_at_up_to_the_clock_s_rate_never_reissues_a_number()
    {
        // 100 per second for ten minutes (under the 115.7 a second the clock advances), then a crash
        // and a restart 10 ms later: the new process starts at the clock, above everything issued.
        var issued = new HashSet<string>(StringComparer.Ordinal);
        var now = Noon;
        var before = new RrnGenerator(3);
        for (var i = 0; i < 60_000; i++, now += TimeSpan.FromMilliseconds(10))
        {
            Assert.True(issued.Add(before.Next(now)));
        }

        var after = new RrnGenerator(3);
        for (var i = 0; i < 60_000; i++, now += TimeSpan.FromMilliseconds(10))
        {
            Assert.True(issued.Add(after.Next(now)));
        }
    }

    [Fact]
    public void A_restart_after_a_burst_s_lead_has_passed_never_reissues_a_number()
    {
        // 20,000 at one instant put the sequence 20,000 steps (172.8 s) ahead of the clock.
        var issued = new HashSet<string>(StringComparer.Ordinal);
        var before = new RrnGenerator(3);
        for (var i = 0; i < 20_000; i++)
        {
            Assert.True(issued.Add(before.Next(Noon)));
        }

        var after = new RrnGenerator(3);
        var restart = Noon + (20_000 * Step);
        for (var i = 0; i < 20_000; i++)
        {
            Assert.True(issued.Add(after.Next(restart)));
        }
    }

    [Fact]
    public void A_restart_inside_a_burst_s_lead_can_reissue_numbers_as_documented()
    {
        var before = new RrnGenerator(3);
        var issued = Enumerable.Range(0, 1000).Select(_ => before.Next(Noon)).ToHashSet(StringComparer.Ordinal);

        var after = new RrnGenerator(3);

        Assert.Contains(after.Next(Noon + TimeSpan.FromSeconds(1)), issued);
    }

    [Fact]
    public void Concurrent_callers_never_get_the_same_number()
    {
        var generator = new RrnGenerator(5);
        var issued = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        Parallel.For(0, 200_000, i => Assert.True(issued.TryAdd(generator.Next(Noon + (i / 100 * Step)), 0)));

        Assert.Equal(200_000, issued.Count);
    }
}
