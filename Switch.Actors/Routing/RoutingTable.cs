namespace Switch.Actors.Routing;

/// <summary>
/// The route table (<c>switch.routing</c>): ordered rules, the first match deciding; after them the
/// default rule (every acquirer, in configured order, by priority), so a table lists only what
/// differs from that, and an empty table routes as a plain primary/secondary list.
/// </summary>
public sealed record RoutingTable(IReadOnlyList<RouteRule> Rules, CostTable Costs, BreakerSettings Breaker, SuccessRateSettings SuccessRate)
{
    public static RoutingTable Empty { get; } = new([], CostTable.Empty, BreakerSettings.Default, SuccessRateSettings.Default);
}

/// <summary>
/// An acquirer's circuit opens after <paramref name="Failures"/> technical failures in a row; after
/// <paramref name="OpenFor"/> one probe request may go through, and its success closes it again.
/// </summary>
public sealed record BreakerSettings(int Failures, TimeSpan OpenFor)
{
    public static BreakerSettings Default { get; } = new(5, TimeSpan.FromSeconds(30));
}

/// <summary>
/// Success-rate routing: each acquirer's technical success rate over its last <paramref name="Window"/>
/// outcomes; a share <paramref name="Exploration"/> (0 to 1) of the requests goes to another
/// candidate, so one that failed can show it has recovered.
/// </summary>
public sealed record SuccessRateSettings(int Window, double Exploration)
{
    public static SuccessRateSettings Default { get; } = new(100, 0.05);
}
