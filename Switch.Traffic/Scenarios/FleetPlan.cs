using System.Globalization;

namespace Switch.Traffic.Scenarios;

/// <summary>
/// How a mix is laid over the fleet. A terminal belongs to one merchant and a request naming another
/// is refused (58), so the challenged scenarios run on terminals of the challenging merchant and the
/// others on terminals of the plain one. The terminals are split in proportion to the two groups'
/// weights, interleaved (T0000001, T0000002... alternate as evenly as the shares allow), and in an
/// open-loop run each group's terminals share exactly its part of the rate, so the mix holds however
/// the split rounds.
/// </summary>
public sealed class FleetPlan
{
    private readonly ScenarioMix _mix;
    private readonly int _terminals;

    public FleetPlan(ScenarioMix mix, int terminals)
    {
        ArgumentNullException.ThrowIfNull(mix);
        ArgumentOutOfRangeException.ThrowIfLessThan(terminals, 1);
        _mix = mix;
        _terminals = terminals;
        ChallengeTerminals = mix.ChallengedWeight == 0 ? 0
            : mix.PlainWeight == 0 ? terminals
            : Math.Clamp((int)Math.Round((double)terminals * mix.ChallengedWeight / mix.Total, MidpointRounding.AwayFromZero), 1, terminals - 1);
    }

    /// <summary>Terminals of the challenging merchant.</summary>
    public int ChallengeTerminals { get; }

    public int PlainTerminals => _terminals - ChallengeTerminals;

    /// <summary>Why the mix cannot run on this many terminals, naming the option; null when it can.</summary>
    public static string? Validate(ScenarioMix mix, int terminals)
    {
        ArgumentNullException.ThrowIfNull(mix);
        return terminals < 2 && mix.ChallengedWeight > 0 && mix.PlainWeight > 0
            ? string.Create(CultureInfo.InvariantCulture, $"--terminals: the mix {mix} has challenged and plain scenarios, which run at two merchants: at least 2 terminals are needed")
            : null;
    }

    public bool IsChallengeTerminal(int terminal) =>
        (long)(terminal + 1) * ChallengeTerminals / _terminals > (long)terminal * ChallengeTerminals / _terminals;

    /// <summary>The weights terminal <paramref name="terminal"/> picks its flows by: its group's scenarios only.</summary>
    public int[] Weights(int terminal)
    {
        var challenged = IsChallengeTerminal(terminal);
        return [.. ScenarioNames.All.Select(s => ScenarioNames.IsChallenged(s) == challenged ? _mix.Weight(s) : 0)];
    }

    /// <summary>The part of the run's rate terminal <paramref name="terminal"/> sends: its group's share over the group's terminals.</summary>
    public double RateShare(int terminal) => IsChallengeTerminal(terminal)
        ? (double)_mix.ChallengedWeight / _mix.Total / ChallengeTerminals
        : (double)_mix.PlainWeight / _mix.Total / PlainTerminals;
}
