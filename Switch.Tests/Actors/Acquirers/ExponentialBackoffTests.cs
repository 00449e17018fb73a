using Switch.Actors.Acquirers;

namespace Switch.Tests.Actors.Acquirers;

public sealed class ExponentialBackoffTests
{
    [Fact]
    public void Delays_double_from_the_minimum_to_the_maximum_and_start_over_on_reset()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

        Assert.Equal([1, 2, 4, 5, 5], Enumerable.Range(0, 5).Select(_ => backoff.Next().TotalSeconds));
        backoff.Reset();
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next());
    }

    [Fact]
    public void Doubling_never_overflows_a_huge_maximum()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromDays(1), TimeSpan.MaxValue);

        for (var i = 0; i < 100; i++)
        {
            backoff.Next();
        }

        Assert.Equal(TimeSpan.MaxValue, backoff.Next());
    }
}
