using Switch.Traffic.Sms;

namespace Switch.Traffic.Scenarios;

/// <summary>A run's scenario mix and what its challenged scenarios need: their merchant, their cards and the sink the codes reach.</summary>
public sealed record ScenarioOptions
{
    /// <summary>The merchant whose terminals run the challenged scenarios; provisioned with challenge = always.</summary>
    public const string DefaultChallengeMid = "M00000000000002";

    public required ScenarioMix Mix { get; init; }

    public string ChallengeMid { get; init; } = DefaultChallengeMid;

    /// <summary>Cards with bound phones the challenged flows are dealt over, in turn.</summary>
    public int ChallengeCards { get; init; } = 100;

    /// <summary>Where the switch texts the codes (its switch.sms.webhook-url); required when the mix has challenged scenarios.</summary>
    public SmsSink? Sms { get; init; }

    /// <summary>The first problem, naming its command-line option; null when the scenarios can run (<see cref="Sms"/> aside: the run checks it).</summary>
    public string? Validate(int terminals, string plainMid)
    {
        if (!Mix.HasChallenges)
        {
            return FleetPlan.Validate(Mix, terminals);
        }

        if (ChallengeMid.Length is 0 or > 15 || !ChallengeMid.All(char.IsAsciiLetterOrDigit))
        {
            return "--challenge-mid: must be 1..15 ASCII letters or digits";
        }

        if (Mix.PlainWeight > 0 && string.Equals(ChallengeMid, plainMid, StringComparison.Ordinal))
        {
            return "--challenge-mid: must differ from --mid (one merchant challenges always, the other never)";
        }

        if (ChallengeCards is < 1 or > Scenarios.ChallengeCards.MaxCount)
        {
            return $"--challenge-cards: must be 1..{Scenarios.ChallengeCards.MaxCount}";
        }

        return FleetPlan.Validate(Mix, terminals);
    }
}
