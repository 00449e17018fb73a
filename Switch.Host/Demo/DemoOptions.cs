namespace Switch.Host.Demo;

/// <summary>How big and how long the demo world is.</summary>
/// <param name="DataDirectory">Where the journal, the acquirers' ledgers, the overlay and the reports go.</param>
/// <param name="Duration">How long the generator sends.</param>
/// <param name="Terminals">Simulated terminals, registered as T0000001 onwards.</param>
/// <param name="Rate">Purchases per second over all terminals (open loop).</param>
public sealed record DemoOptions(string DataDirectory, TimeSpan Duration, int Terminals, double Rate)
{
    public string ReportDirectory => Path.Combine(DataDirectory, "report");
}
