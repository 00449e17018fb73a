using Akka.Configuration;
using Switch.Host.Configuration;

namespace Switch.Host.Hosting;

/// <summary>
/// The split-brain resolver's settings from <c>switch.cluster</c>. Without a decision a crashed member
/// stays unreachable for ever and its shards are never started elsewhere, so a node's terminals would
/// wait until it came back.
/// </summary>
public static class ClusterDowning
{
    public static Config For(ClusterSettings cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var strategy = cluster.Downing switch
        {
            DowningStrategy.KeepOldest => "keep-oldest",
            DowningStrategy.KeepMajority => "keep-majority",
            _ => throw new ArgumentOutOfRangeException(nameof(cluster), cluster.Downing, "unknown downing strategy"),
        };
        return ConfigurationFactory.ParseString($$"""
            akka.cluster {
              downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
              split-brain-resolver {
                active-strategy = {{strategy}}
                stable-after = {{(long)cluster.StableAfter.TotalMilliseconds}}ms
                # The oldest alone against two or more downs itself; with two nodes it stays.
                keep-oldest.down-if-alone = on
              }
            }
            """);
    }
}
