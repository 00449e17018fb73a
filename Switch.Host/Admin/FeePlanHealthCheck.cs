using Microsoft.Extensions.Diagnostics.HealthChecks;
using Switch.Actors.Fees;

namespace Switch.Host.Admin;

/// <summary>Ready once the fee plans have recovered and are published: before, no approved transaction could be charged its fee.</summary>
public sealed class FeePlanHealthCheck : IHealthCheck
{
    private readonly FeePlanDirectory _plans;

    public FeePlanHealthCheck(FeePlanDirectory plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        _plans = plans;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_plans.Published.IsCompleted
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("the fee plans have not recovered from the journal yet"));
}
