using Switch.Traffic.Scenarios;

namespace Switch.Host.Demo;

/// <summary>How big and how long the demo world is.</summary>
/// <param name="DataDirectory">Where the journal, the acquirers' ledgers, the overlay and the reports go.</param>
/// <param name="Duration">How long the generator sends.</param>
/// <param name="Terminals">Simulated terminals, registered as T0000001 onwards.</param>
/// <param name="Rate">Flows per second over all terminals (open loop).</param>
/// <param name="Mix">The scenarios the terminals run; <see cref="DefaultMix"/> unless given.</param>
public sealed record DemoOptions(string DataDirectory, TimeSpan Duration, int Terminals, double Rate, ScenarioMix? Mix = null)
{
    /// <summary>Mostly plain purchases, with challenged purchases (1A, phone, SMS code, 00), a few typed wrong until 75, reversals and declines.</summary>
    public const string DefaultMixText = "purchase=80,challenge=10,wrong-code=2,reversal=4,decline=4";

    public static ScenarioMix DefaultMix { get; } = ScenarioMix.TryParse(DefaultMixText, out var mix, out _) ? mix : throw new InvalidOperationException("the demo's mix does not parse");

    public string ReportDirectory => Path.Combine(DataDirectory, "report");

    public ScenarioMix ScenarioMix => Mix ?? DefaultMix;
}
