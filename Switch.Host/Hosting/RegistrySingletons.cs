using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Switch.Actors.Fees;
using Switch.Actors.Registry;
using Switch.Actors.Terminals;
using Switch.Actors.Terminals.Keys;
using Switch.Host.Configuration;

namespace Switch.Host.Hosting;

/// <summary>
/// The merchant and terminal registry (persistence id <c>registry</c>) and the fee plans
/// (<c>fee-plans</c>) each have one writer in the whole cluster: a cluster singleton on the oldest
/// node, which a proxy on every node (the <see cref="MerchantRegistry"/> and
/// <see cref="FeePlanRegistry"/> keys) reaches; two writers of one persistence id would corrupt the
/// journal. Terminal entities and transactions read their directories on every request, so every node
/// keeps its own copy (<see cref="DirectoryReplica"/>): no request crosses nodes to read the registry.
/// In a cluster of one this is the node's own registry, as before, plus a reader of it.
/// </summary>
internal static class RegistrySingletons
{
    public static AkkaConfigurationBuilder WithRegistries(
        this AkkaConfigurationBuilder builder, SwitchSettings settings, TerminalDirectory directory, FeePlanDirectory feePlans, TerminalKeyCipher keyCipher)
    {
        var registry = RegistryActor.Props(new RegistrySeed(settings.Registry.Merchants, SealMasterKeys(settings.Registry, keyCipher)), directory);
        // The replica recovers the plans without the seed: seeding journals, and only the singleton writes.
        var feePlanReader = FeePlanRegistryActor.Props([], feePlans);
        return builder
            // First: each node's directory must tell the others of what the singleton publishes from its start.
            .WithActors((system, _) =>
            {
                directory.Advanced = Replicate(system, RegistryActor.Id, registry, () => directory.Version);
                feePlans.Advanced = Replicate(system, FeePlanRegistryActor.Id, feePlanReader, () => feePlans.Version);
            })
            .WithSingleton<MerchantRegistry>(RegistryActor.Id, RestartWithBackoff.Props(registry, RegistryActor.Id), new ClusterSingletonOptions(), createProxyToo: true)
            .WithSingleton<FeePlanRegistry>(
                FeePlanRegistryActor.Id,
                RestartWithBackoff.Props(FeePlanRegistryActor.Props(settings.FeePlans, feePlans), FeePlanRegistryActor.Id),
                new ClusterSingletonOptions(),
                createProxyToo: true);
    }

    /// <summary>The configuration's master keys, sealed: the registry never holds one in clear.</summary>
    private static List<TerminalRegistration> SealMasterKeys(RegistrySettings registry, TerminalKeyCipher keyCipher) =>
        [.. registry.Terminals.Select(t => registry.MasterKeys?.TryGetValue(t.Tid, out var key) == true ? t with { Key = keyCipher.Seal(t.Tid, key) } : t)];

    /// <summary>Starts the node's replica of a registry and returns what its directory calls when it advances.</summary>
    private static Action<long> Replicate(ActorSystem system, string id, Props reader, Func<long> version)
    {
        var key = PublishedVersion.Key(id);
        var published = system.ActorOf(PublishedVersion.Props(key), $"{id}-version");
        system.ActorOf(DirectoryReplica.Props(RestartWithBackoff.Props(reader, id), key, version), $"{id}-replica");
        return advanced => published.Tell(new PublishedVersion.Published(advanced));
    }
}
