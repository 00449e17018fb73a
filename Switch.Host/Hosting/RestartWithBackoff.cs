using Akka.Actor;
using Akka.Pattern;

namespace Switch.Host.Hosting;

/// <summary>
/// A journaled actor stops when its journal fails; a backoff supervisor starts it again (recovering
/// what it held) instead of hammering a database that is down.
/// </summary>
internal static class RestartWithBackoff
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    public static Props Props(Props child, string childName) =>
        BackoffSupervisor.Props(Backoff.OnStop(child, childName, Min, Max, randomFactor: 0.2, maxNrOfRetries: -1));
}
