using Serilog.Core;
using Switch.Tests.Traffic.Sms;
using Switch.Traffic.Generator;
using Switch.Traffic.Scenarios;
using Switch.Traffic.Sms;

namespace Switch.Tests.Traffic.Scenarios;

/// <summary>Each scenario's steps and outcome counts, against a scripted fake switch that texts its codes to a real sink.</summary>
[Collection(TrafficRuns.Name)]
public sealed class ScenarioFlowTests : IAsyncLifetime
{
    private SmsSink _sink = null!;
    private ScriptedSwitch _switch = null!;

    public async Task InitializeAsync()
    {
        _sink = await SinkClient.StartAsync();
        _switch = ScriptedSwitch.Start(_sink.WebhookUrl);
    }

    public async Task DisposeAsync()
    {
        await _switch.DisposeAsync();
        await _sink.DisposeAsync();
    }

    [Theory]
    [InlineData("purchase=1", new[] { "0200" }, "00")]
    [InlineData("challenge=1", new[] { "0200", "0200 PN", "0200 OT" }, "00")]
    [InlineData("wrong-code=1", new[] { "0200", "0200 PN", "0200 OT", "0200 OT", "0200 OT" }, "75")]
    [InlineData("reversal=1", new[] { "0200", "0400" }, "00")]
    public async Task Each_flow_takes_its_scenarios_steps_and_ends_with_its_answer(string mix, string[] steps, string final)
    {
        // One flow at a time, so the fake hears each flow's steps in order.
        var results = await TrafficRun.RunAsync(Options(mix) with { Pipeline = 1 }, Logger.None);

        var scenario = Assert.Single(results.Scenarios);
        Assert.True(scenario.Started > 0);
        Assert.Equal(scenario.Started, scenario.Completed);
        Assert.Equal(0, scenario.Failed);
        Assert.Equal(new Dictionary<string, long> { [final] = scenario.Started }, scenario.ResponseCodes);
        Assert.Equal(scenario.Started * steps.Length, scenario.Requests);
        Assert.Equal(Enumerable.Repeat(steps, (int)scenario.Started).SelectMany(s => s), _switch.Heard);
        // Every step is a request of the run too, answered, each with its own STAN.
        Assert.Equal(scenario.Requests, results.Sent);
        Assert.Equal(results.Sent, results.Completed);
        // One line per step, and one where the cardholder reads the SMS.
        Assert.Equal(steps.Length + (steps.Contains("0200 OT") ? 1 : 0), scenario.Example.Count);
        Assert.True(scenario.FlowMicros.P50 > 0);
    }

    [Fact]
    public async Task A_challenge_reads_its_code_from_the_sms_and_its_example_shows_the_steps_masked()
    {
        var results = await TrafficRun.RunAsync(Options("challenge=1"), Logger.None);

        var example = Assert.Single(results.Scenarios).Example;
        Assert.Matches(@"^0200 476173\*{6}\d{4} amount 1000 -> 1A ST=PHONE AL=3$", example[0]);
        Assert.Matches(@"^0200 \(62: CI, PN=139\*{4}\d{4}\) -> 1A ST=OTP MP=139\*{4}\d{4} AL=3 EX=300$", example[1]);
        Assert.Equal("SMS read at the sink: a 6-digit code", example[2]);
        Assert.Matches(@"^0200 \(62: CI, OT=\*{6}, the texted code\) -> 00 RRN \d{12}$", example[3]);
        Assert.Equal(results.Scenarios[0].Started, _sink.Stats.Received);
    }

    [Fact]
    public async Task Declines_alternate_05_and_51()
    {
        var results = await TrafficRun.RunAsync(Options("decline=1"), Logger.None);

        var decline = Assert.Single(results.Scenarios);
        Assert.True(decline.Started >= 2, $"{decline.Started} flows");
        Assert.Equal(decline.Started, decline.ResponseCodes["05"] + decline.ResponseCodes["51"]);
        Assert.InRange(decline.ResponseCodes["05"] - decline.ResponseCodes["51"], 0, 1);
    }

    [Fact]
    public async Task A_mix_splits_the_fleet_between_the_merchants_and_every_flow_is_counted_once()
    {
        var results = await TrafficRun.RunAsync(
            Options("purchase=2,challenge=1,wrong-code=1,reversal=1,decline=1") with { Terminals = 4, Rate = 200, Duration = TimeSpan.FromSeconds(1) },
            Logger.None);

        Assert.Equal(5, results.Scenarios.Count);
        Assert.All(results.Scenarios, s =>
        {
            Assert.True(s.Started > 0, s.Name);
            Assert.Equal(s.Started, s.Completed + s.Failed);
            Assert.Equal(0, s.Failed);
        });
        Assert.Equal(results.Sent, results.Scenarios.Sum(s => s.Requests));
        Assert.Equal(results.Completed, results.Sent);
        // Every request of a challenged flow but its last is answered 1A.
        Assert.Equal(results.ResponseCodes["1A"], results.Scenarios.Where(s => ScenarioNames.IsChallenged(s.Scenario)).Sum(s => s.Requests - s.Completed));
        Assert.Equal(results.Scenarios.Where(s => ScenarioNames.IsChallenged(s.Scenario)).Sum(s => s.Started), _sink.Stats.Received);
    }

    [Fact]
    public async Task A_code_that_never_comes_fails_the_flow_as_no_code_within_the_timeout()
    {
        await using var silent = ScriptedSwitch.Start(webhook: null);

        var results = await TrafficRun.RunAsync(Options("challenge=1") with { Target = silent.EndPoint, Timeout = TimeSpan.FromMilliseconds(300) }, Logger.None);

        var challenge = Assert.Single(results.Scenarios);
        Assert.Equal(challenge.Started, challenge.Failed);
        Assert.Equal(challenge.Started, challenge.Failures["no-code"]);
        Assert.Equal(0, results.Errors);
        Assert.Equal("failed: no-code", challenge.Example[^1]);
    }

    [Fact]
    public async Task An_unanswered_step_fails_its_flow_as_a_timeout()
    {
        // The sending window counts from the run's start, connecting and signing on included: 300 ms
        // left no time for a flow to start under a loaded CI (seen once), so this run asks for 3 s.
        var results = await TrafficRun.RunAsync(Options("reversal=1") with { Amount = 1091, Timeout = TimeSpan.FromMilliseconds(300), Duration = TimeSpan.FromSeconds(3) }, Logger.None);

        var reversal = Assert.Single(results.Scenarios);
        Assert.True(reversal.Started > 0);
        Assert.Equal(reversal.Started, reversal.Failures["timeout"]);
        Assert.Equal(reversal.Started, results.Timeouts);
    }

    private RunOptions Options(string mix)
    {
        Assert.True(ScenarioMix.TryParse(mix, out var parsed, out var error), error);
        return new RunOptions
        {
            Target = _switch.EndPoint,
            Terminals = 1,
            Pipeline = 2,
            Duration = TimeSpan.FromMilliseconds(300),
            Timeout = TimeSpan.FromSeconds(5),
            Scenarios = new ScenarioOptions { Mix = parsed, Sms = _sink, ChallengeCards = 10 },
        };
    }
}
