using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Switch.Host.Admin;

/// <summary>
/// Ready once a journaled directory (the registry, the fee plans) has recovered and published what
/// it holds: before that, every terminal would look unknown and no fee could be charged.
/// </summary>
public sealed class RecoveredHealthCheck : IHealthCheck
{
    private readonly Task _published;
    private readonly string _what;

    /// <param name="published">Completes at the directory's first publication.</param>
    /// <param name="what">What is waited for, for the unhealthy answer.</param>
    public RecoveredHealthCheck(Task published, string what)
    {
        _published = published;
        _what = what;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_published.IsCompleted
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{_what} have not recovered from the journal yet"));
}
