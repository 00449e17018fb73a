namespace Switch.Host.Admin;

/// <summary>The admin port's paths (DESIGN.md's admin API).</summary>
public static class AdminRoutes
{
    public const string Health = "/health";
    public const string Live = "/health/live";
    public const string Ready = "/health/ready";
    public const string Metrics = "/metrics";
    public const string Transaction = "/api/transactions/{rrn}";
    public const string CardBindings = "/api/card-bindings";
    public const string Merchant = "/api/merchants/{mid}";
    public const string Terminal = "/api/terminals/{tid}";
}
