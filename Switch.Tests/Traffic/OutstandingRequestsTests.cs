using Switch.Traffic.Generator;

namespace Switch.Tests.Traffic;

public sealed class OutstandingRequestsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(1000, 1001)]
    [InlineData(2_000_000, 999_999)]
    public void The_ring_is_the_smallest_divisor_of_the_stan_range_that_holds_the_capacity(int capacity, int size)
    {
        Assert.Equal(size, OutstandingRequests.RingSize(capacity));
        Assert.Equal(0, OutstandingRequests.MaxStan % size);
    }

    [Fact]
    public void Stans_run_in_order_and_an_answer_completes_its_request_once()
    {
        var outstanding = new OutstandingRequests(4, firstStan: 2);
        Assert.True(outstanding.TryAdd(100, out var first));
        Assert.True(outstanding.TryAdd(200, out var second));

        Assert.Equal((2, 3), (first, second));
        Assert.True(outstanding.TryComplete(3, out var start));
        Assert.Equal(200, start);
        Assert.False(outstanding.TryComplete(3, out _));
        Assert.Equal(1, outstanding.Count);
    }

    [Fact]
    public void A_stan_still_outstanding_a_ring_ago_holds_the_next_send_back()
    {
        var outstanding = new OutstandingRequests(3, firstStan: 1);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(outstanding.TryAdd(i, out _));
        }

        Assert.False(outstanding.TryAdd(10, out _));
        Assert.True(outstanding.TryComplete(1, out _));
        Assert.True(outstanding.TryAdd(10, out var reused));
        Assert.Equal(4, reused);
    }

    [Fact]
    public void The_sweep_takes_only_what_started_before_the_deadline_and_a_late_answer_matches_nothing()
    {
        var outstanding = new OutstandingRequests(10, firstStan: 1);
        outstanding.TryAdd(100, out _);
        outstanding.TryAdd(200, out _);
        outstanding.TryAdd(300, out _);
        Assert.True(outstanding.TryComplete(2, out _));

        Assert.Equal(1, outstanding.Expire(deadlineMicros: 250));
        Assert.False(outstanding.TryComplete(1, out _));
        Assert.Equal(1, outstanding.Count);
        Assert.Equal(1, outstanding.ExpireAll());
    }

    [Fact]
    public void Stans_wrap_from_999999_to_1()
    {
        var outstanding = new OutstandingRequests(3, firstStan: OutstandingRequests.MaxStan);
        Assert.True(outstanding.TryAdd(1, out var last));
        Assert.True(outstanding.TryAdd(2, out var wrapped));

        Assert.Equal((OutstandingRequests.MaxStan, 1), (last, wrapped));
        Assert.True(outstanding.TryComplete(OutstandingRequests.MaxStan, out _));
    }
}
