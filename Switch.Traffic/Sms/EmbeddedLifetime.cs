using Microsoft.Extensions.Hosting;

namespace Switch.Traffic.Sms;

/// <summary>
/// Replaces the console lifetime, which would stop the sink on Ctrl+C by itself: the sink lives
/// inside a generator or a command that decides when it stops (a generator run still needs codes
/// while it drains after Ctrl+C).
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
