namespace Switch.Traffic.Scenarios;

/// <summary>What a simulated cardholder does in one flow (one transaction, one or more requests).</summary>
public enum Scenario
{
    /// <summary>A plain 0200 of the run's amount.</summary>
    Purchase,
    /// <summary>A challenged 0200: 1A PHONE, the bound phone typed, 1A OTP, the texted code typed, the final answer.</summary>
    Challenge,
    /// <summary>A challenged 0200 where the cardholder types a wrong code at every OTP step until the switch answers 75.</summary>
    WrongCode,
    /// <summary>A 0200, then an 0400 naming it in field 90.</summary>
    Reversal,
    /// <summary>A 0200 of an amount the acquirer simulator declines: ending in 05 and 51 by turns.</summary>
    Decline,
}

/// <summary>The scenarios' command-line names and what each needs.</summary>
public static class ScenarioNames
{
    public static IReadOnlyList<Scenario> All { get; } = Enum.GetValues<Scenario>();

    public static string Name(Scenario scenario) => scenario switch
    {
        Scenario.Purchase => "purchase",
        Scenario.Challenge => "challenge",
        Scenario.WrongCode => "wrong-code",
        Scenario.Reversal => "reversal",
        Scenario.Decline => "decline",
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    public static string Names { get; } = string.Join(", ", All.Select(Name));

    public static bool TryParse(string name, out Scenario scenario)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                scenario = candidate;
                return true;
            }
        }

        scenario = default;
        return false;
    }

    /// <summary>Runs at the merchant whose policy is challenge = always, on a card with a bound phone.</summary>
    public static bool IsChallenged(Scenario scenario) => scenario is Scenario.Challenge or Scenario.WrongCode;

    /// <summary>
    /// The most requests one flow of the scenario sends when the switch behaves: a wrong-code flow
    /// sends the purchase, the phone and one code per attempt (3 by default; room is left for 5).
    /// </summary>
    public static int MaxRequests(Scenario scenario) => scenario switch
    {
        Scenario.Challenge => 3,
        Scenario.WrongCode => 7,
        Scenario.Reversal => 2,
        _ => 1,
    };
}
