namespace Switch.Actors.Routing;

/// <summary>How a rule chooses among its candidates that are up and whose circuit lets them through.</summary>
public enum RoutingStrategy
{
    /// <summary>The first, in the rule's order.</summary>
    Priority,

    /// <summary>At random, in proportion to the rule's weights.</summary>
    Weighted,

    /// <summary>The one whose cost for this amount and instrument is lowest; ties go to the earlier.</summary>
    LeastCost,

    /// <summary>The best recent technical success rate, exploring the others with a small share of traffic.</summary>
    SuccessRate,
}

public static class RoutingStrategies
{
    /// <summary>The name used in configuration and the journal.</summary>
    public static string Name(RoutingStrategy strategy) => strategy switch
    {
        RoutingStrategy.Weighted => "weighted",
        RoutingStrategy.LeastCost => "least-cost",
        RoutingStrategy.SuccessRate => "success-rate",
        _ => "priority",
    };
}
