using Microsoft.Extensions.Diagnostics.HealthChecks;
using Switch.Actors.Terminals;

namespace Switch.Host.Admin;

/// <summary>Ready once the registry has recovered and published its terminals: before, every terminal would be unknown.</summary>
public sealed class RegistryHealthCheck : IHealthCheck
{
    private readonly TerminalDirectory _directory;

    public RegistryHealthCheck(TerminalDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        _directory = directory;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_directory.Published.IsCompleted
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("the registry has not recovered from the journal yet"));
}
