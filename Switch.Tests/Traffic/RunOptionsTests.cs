using System.Net;
using Switch.Traffic.Generator;
using Switch.Traffic.Generator.Recovery;

namespace Switch.Tests.Traffic;

public sealed class RunOptionsTests
{
    private static readonly RunOptions Valid = new() { Target = new IPEndPoint(IPAddress.Loopback, 8583) };

    public static TheoryData<RunOptions, string> Invalid => new()
    {
        { Valid with { Terminals = 0 }, "--terminals" },
        { Valid with { Rate = 0 }, "--rate" },
        { Valid with { Rate = double.NaN }, "--rate" },
        { Valid with { Pipeline = 0 }, "--pipeline" },
        { Valid with { Duration = TimeSpan.Zero }, "--duration" },
        { Valid with { RampUp = TimeSpan.FromSeconds(-1) }, "--ramp-up" },
        { Valid with { FirstTerminal = 9_999_999, Terminals = 2 }, "--first-terminal" },
        { Valid with { Amount = 0 }, "--amount" },
        { Valid with { Timeout = TimeSpan.Zero }, "--timeout" },
        { Valid with { Mid = "M-1" }, "--mid" },
        { Valid with { Rate = 100, Recovery = new RecoveryOptions() }, "--recover" },
        { Valid with { Pipeline = 2, Recovery = new RecoveryOptions() }, "--recover" },
        { Valid with { Recovery = new RecoveryOptions { Retransmits = -1 } }, "--retransmits" },
        { Valid with { Recovery = new RecoveryOptions { GiveUpAfter = TimeSpan.Zero } }, "--give-up" },
        { Valid with { Mac = true, Recovery = new RecoveryOptions() }, "--recover" },
        { Valid with { Tls = new ClientTlsOptions(null, null), Recovery = new RecoveryOptions() }, "--recover" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_problem_names_its_option(RunOptions options, string option)
    {
        Assert.StartsWith(option + ":", options.Validate(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid_and_tids_follow_the_registry_numbering()
    {
        Assert.Null(Valid.Validate());
        Assert.Null((Valid with { Recovery = new RecoveryOptions() }).Validate());
        Assert.Equal("T0000001", Valid.Tid(0));
        Assert.Equal("T0000042", (Valid with { FirstTerminal = 40 }).Tid(2));
    }

    [Fact]
    public void Ramp_up_spreads_the_terminals_evenly()
    {
        var options = Valid with { Terminals = 4, RampUp = TimeSpan.FromSeconds(2) };

        Assert.Equal([0.0, 0.5, 1.0, 1.5], Enumerable.Range(0, 4).Select(i => options.StartOffset(i).TotalSeconds));
    }
}
