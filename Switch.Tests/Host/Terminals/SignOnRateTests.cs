using Switch.Host.Terminals;

namespace Switch.Tests.Host.Terminals;

public sealed class SignOnRateTests
{
    private const long Start = 5_000_000;

    [Fact]
    public void A_burst_of_the_allowance_passes_and_the_next_sign_on_waits_for_a_minute_over_n()
    {
        var rate = new SignOnRate(perMinute: 3);

        Assert.True(rate.TryTake(Start));
        Assert.True(rate.TryTake(Start));
        Assert.True(rate.TryTake(Start));
        Assert.False(rate.TryTake(Start));
        Assert.False(rate.TryTake(Start + 19_999));

        Assert.True(rate.TryTake(Start + 20_000));
        Assert.False(rate.TryTake(Start + 20_000));
    }

    [Fact]
    public void A_refused_sign_on_takes_nothing_from_the_allowance()
    {
        var rate = new SignOnRate(perMinute: 2);
        Assert.True(rate.TryTake(Start));
        Assert.True(rate.TryTake(Start));
        for (var n = 0; n < 100; n++)
        {
            Assert.False(rate.TryTake(Start + 1_000));
        }

        Assert.True(rate.TryTake(Start + 30_000));
    }

    [Fact]
    public void A_terminal_signing_on_at_the_allowed_rate_is_never_refused()
    {
        var rate = new SignOnRate(perMinute: 10);

        for (var n = 0; n < 1_000; n++)
        {
            Assert.True(rate.TryTake(Start + (n * 6_000)));
        }

        Assert.True(rate.TryTake(Start + (1_000 * 6_000)));
    }
}
