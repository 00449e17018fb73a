using Switch.Tests.Support;
using Switch.Traffic.Cli;

namespace Switch.Tests.Traffic.Scenarios;

/// <summary>The run verb's scenario options: each mistake exits 2 with a message naming the option, before anything is sent.</summary>
[Collection(TrafficRuns.Name)]
public sealed class ScenarioArgumentsTests
{
    [Theory]
    [InlineData("--mix: 'refund' is not a scenario", "--mix", "refund=1")]
    [InlineData("--mix: challenge's weight 'x' is not a whole number", "--mix", "challenge=x")]
    [InlineData("--mix: challenge and wrong-code need --admin", "--mix", "purchase=9,challenge=1")]
    [InlineData("--admin: 'ftp://x' is not an http:// or https:// URL", "--admin", "ftp://x", "--admin-token", "t")]
    [InlineData("--admin-token: required with --admin", "--admin", "http://127.0.0.1:1")]
    [InlineData("--fee-plan: a plan id, and only with --admin", "--fee-plan", "std-2026")]
    [InlineData("--sms-listen: the SMS sink is only for a --mix with challenge or wrong-code", "--mix", "purchase=1", "--sms-listen", "127.0.0.1:0")]
    [InlineData("--sms-listen: 'nowhere' is not HOST:PORT", "--mix", "challenge=1", "--admin", "http://127.0.0.1:1", "--admin-token", "t", "--sms-listen", "nowhere")]
    [InlineData("--sms-secret: must not be empty", "--mix", "challenge=1", "--admin", "http://127.0.0.1:1", "--admin-token", "t", "--sms-secret", "")]
    [InlineData("--terminals: the mix purchase=1,challenge=1 has challenged and plain scenarios", "--mix", "purchase=1,challenge=1", "--admin", "http://127.0.0.1:1", "--admin-token", "t")]
    [InlineData("--challenge-mid: must differ from --mid", "--mix", "challenge=1,purchase=1", "--mid", "M2", "--admin", "http://127.0.0.1:1", "--admin-token", "t", "--challenge-mid", "M2")]
    [InlineData("--challenge-cards: must be 1..1000000", "--mix", "challenge=1", "--admin", "http://127.0.0.1:1", "--admin-token", "t", "--challenge-cards", "0")]
    public async Task A_bad_scenario_option_exits_2_naming_it(string message, params string[] arguments)
    {
        using var listener = new LoopbackListener();
        var errors = new StringWriter();
        var original = Console.Error;
        Console.SetError(errors);
        int exit;
        try
        {
            exit = await TrafficCli.InvokeAsync(
                ["run", "--target", listener.EndPoint.ToString(), "--terminals", "1", "--closed-loop", "--duration", "200ms", "--report", Path.GetTempPath(), .. arguments]);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(Usage.BadArguments, exit);
        Assert.Contains(message, errors.ToString(), StringComparison.Ordinal);
    }
}
