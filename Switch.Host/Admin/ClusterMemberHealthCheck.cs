using Akka.Actor;
using Akka.Cluster;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Switch.Host.Admin;

/// <summary>Ready once this node is an Up member of its cluster: only then does it host terminal entities.</summary>
public sealed class ClusterMemberHealthCheck : IHealthCheck
{
    private readonly ActorSystem _system;

    public ClusterMemberHealthCheck(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _system = system;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = Cluster.Get(_system).SelfMember.Status;
        return Task.FromResult(status == MemberStatus.Up
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"cluster member status is {status}"));
    }
}
