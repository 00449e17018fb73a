using System.Globalization;
using Switch.Traffic.Generator;
using Switch.Traffic.Sms;

namespace Switch.Traffic.Scenarios;

/// <summary>
/// What every terminal's flows share in one run: the fleet plan, the card pools, the recorder and the
/// SMS sink. It makes each flow's card and amount; <see cref="FlowDriver"/> runs them.
/// </summary>
internal sealed class FlowFactory
{
    private readonly RunOptions _options;
    private readonly ScenarioOptions _scenarios;
    private readonly string[] _plainPans = [.. Enumerable.Range(0, PurchaseFactory.CardPool).Select(TestCards.Pan)];
    private readonly ChallengeCards _challengeCards;
    private readonly string _expiry;
    private long _declines;

    public FlowFactory(RunOptions options, ScenarioOptions scenarios, DateTime utcNow)
    {
        _options = options;
        _scenarios = scenarios;
        Plan = new FleetPlan(scenarios.Mix, options.Terminals);
        Recorder = new ScenarioRecorder(scenarios.Mix, options.Timeout);
        _challengeCards = new ChallengeCards(scenarios.ChallengeCards);
        _expiry = utcNow.AddYears(3).ToString("yyMM", CultureInfo.InvariantCulture);
    }

    public FleetPlan Plan { get; }

    public ScenarioRecorder Recorder { get; }

    public SmsSink? Sms => _scenarios.Sms;

    public TimeSpan Timeout => _options.Timeout;

    public FlowTerminal Terminal(int terminal) =>
        new(_options.Profile, Plan.IsChallengeTerminal(terminal) ? _scenarios.ChallengeMid : _options.Mid, _expiry);

    /// <summary>A new flow of <paramref name="scenario"/>; <paramref name="turn"/> is how many flows the terminal started before it.</summary>
    public Flow Create(Scenario scenario, int terminal, long turn)
    {
        var traced = Recorder.ClaimExample(scenario);
        if (ScenarioNames.IsChallenged(scenario))
        {
            var card = _challengeCards.Deal();
            return new Flow(scenario, ChallengeCards.Pan(card), ChallengeCards.Phone(card), _options.Amount, traced);
        }

        // Terminals start at different cards so they do not walk the pool in step (as PurchaseFactory does).
        var pan = _plainPans[(int)((turn + (terminal * 7919L)) % _plainPans.Length)];
        var amount = scenario == Scenario.Decline ? DeclineAmount(Interlocked.Increment(ref _declines)) : _options.Amount;
        return new Flow(scenario, pan, phone: null, amount, traced);
    }

    /// <summary>The run's amount with its last two digits made 05 or 51 by turns (over the run): the simulator answers those 05 and 51.</summary>
    private long DeclineAmount(long decline) => _options.Amount - (_options.Amount % 100) + (decline % 2 == 1 ? 5 : 51);
}
