using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Switch.Traffic.Scenarios;

/// <summary>
/// The share of flows each scenario gets, as relative whole-number weights (they need not add up to
/// 100); a scenario left out weighs 0. Written as on the command line:
/// <c>purchase=70,challenge=10,wrong-code=5,reversal=5,decline=10</c>.
/// </summary>
public sealed class ScenarioMix
{
    public const int MaxWeight = 1000;

    private readonly int[] _weights;

    private ScenarioMix(int[] weights) => _weights = weights;

    public int Weight(Scenario scenario) => _weights[(int)scenario];

    public int Total => _weights.Sum();

    /// <summary>The weight of the scenarios that run at the challenging merchant.</summary>
    public int ChallengedWeight => ScenarioNames.All.Where(ScenarioNames.IsChallenged).Sum(Weight);

    public int PlainWeight => Total - ChallengedWeight;

    public bool HasChallenges => ChallengedWeight > 0;

    /// <summary>The most requests one flow of this mix can send (sizes each terminal's STAN ring).</summary>
    public int MaxRequestsPerFlow => ScenarioNames.All.Where(s => Weight(s) > 0).Max(ScenarioNames.MaxRequests);

    /// <summary>Parses <c>name=weight,...</c>; the error names <c>--mix</c> and what is wrong.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ScenarioMix? mix, [NotNullWhen(false)] out string? error)
    {
        mix = null;
        var weights = new int[ScenarioNames.All.Count];
        var seen = new bool[weights.Length];
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"--mix: expected name=weight pairs separated by commas, e.g. purchase=90,challenge=10 (names: {ScenarioNames.Names})";
            return false;
        }

        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                error = $"--mix: '{part}' is not name=weight";
                return false;
            }

            var name = part[..equals].Trim();
            if (!ScenarioNames.TryParse(name, out var scenario))
            {
                error = $"--mix: '{name}' is not a scenario ({ScenarioNames.Names})";
                return false;
            }

            if (seen[(int)scenario])
            {
                error = $"--mix: {ScenarioNames.Name(scenario)} is given twice";
                return false;
            }

            if (!int.TryParse(part.AsSpan(equals + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight > MaxWeight)
            {
                error = $"--mix: {ScenarioNames.Name(scenario)}'s weight '{part[(equals + 1)..].Trim()}' is not a whole number 0..{MaxWeight}";
                return false;
            }

            seen[(int)scenario] = true;
            weights[(int)scenario] = weight;
        }

        if (weights.Sum() == 0)
        {
            error = "--mix: at least one scenario needs a weight above 0";
            return false;
        }

        mix = new ScenarioMix(weights);
        error = null;
        return true;
    }

    /// <summary>The mix as the command line writes it, scenarios of weight 0 left out.</summary>
    public override string ToString() =>
        string.Join(",", ScenarioNames.All.Where(s => Weight(s) > 0).Select(s => string.Create(CultureInfo.InvariantCulture, $"{ScenarioNames.Name(s)}={Weight(s)}")));
}
