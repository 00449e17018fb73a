using Akka.Actor;
using Akka.Configuration;
using Switch.Actors.Registry;
using Switch.Actors.Terminals;
using Switch.Tests.Support;
using Xunit.Abstractions;

namespace Switch.Tests.Actors.Registry;

/// <summary>The registry actor on the real SQLite journal: what it answers, what is durable, what a restart recovers.</summary>
public sealed class RegistryActorTests : Akka.TestKit.Xunit2.TestKit
{
    private const string MerchantRegistered = "switch.events.v1.MerchantRegistered";
    private const string TerminalRegistered = "switch.events.v1.TerminalRegistered";

    private static readonly Merchant Shop = new("M1", "Shop", "5411", "CN", ChallengePolicy.Risk);
    private static readonly Merchant Fuel = new("M2", "Fuel", "5542", "CN", ChallengePolicy.Always, "flat");
    private static readonly RegistrySeed Seed = new([Shop], [new("T1", "M1")]);

    public RegistryActorTests(ITestOutputHelper output)
        : base(SqliteJournal.NewConfig(), output: output)
    {
    }

    private Config Journal => Sys.Settings.Config;

    [Fact]
    public async Task With_an_empty_journal_the_seed_is_published_once_recovered()
    {
        var (_, directory) = await StartAsync(Seed);

        Assert.True(directory.TryFind("T1", out var merchant));
        Assert.Equal(Shop, merchant);
        Assert.Empty(SqliteJournal.Manifests(Journal, RegistryActor.Id));
    }

    [Fact]
    public async Task A_merchant_is_answered_once_durable_and_its_terminals_see_it_at_once()
    {
        var (registry, directory) = await StartAsync(Seed);
        var replaced = Shop with { Name = "Shop & Co", Mcc = "5499", Challenge = ChallengePolicy.Never };

        registry.Tell(new RegisterMerchant(Fuel));
        ExpectMsg(new MerchantStored(Fuel, Created: true));
        registry.Tell(new RegisterMerchant(replaced));
        ExpectMsg(new MerchantStored(replaced, Created: false));

        Assert.Equal([MerchantRegistered, MerchantRegistered], SqliteJournal.Manifests(Journal, RegistryActor.Id));
        Assert.True(directory.TryFindMerchant("M2", out var fuel));
        Assert.Equal(Fuel, fuel);
        Assert.True(directory.TryFind("T1", out var underReplaced));
        Assert.Equal(replaced, underReplaced);
    }

    [Fact]
    public async Task A_terminal_is_registered_or_moved_only_to_a_known_merchant()
    {
        var (registry, directory) = await StartAsync(Seed);

        registry.Tell(new RegisterTerminal(new("T2", "M2")));
        ExpectMsg(new RegistrationRefused("mid: no merchant 'M2' is registered"));
        registry.Tell(new RegisterMerchant(Fuel));
        ExpectMsg<MerchantStored>();
        registry.Tell(new RegisterTerminal(new("T2", "M2")));
        ExpectMsg(new TerminalStored(new("T2", "M2"), Created: true));
        registry.Tell(new RegisterTerminal(new("T1", "M2")));
        ExpectMsg(new TerminalStored(new("T1", "M2"), Created: false));

        Assert.Equal([MerchantRegistered, TerminalRegistered, TerminalRegistered], SqliteJournal.Manifests(Journal, RegistryActor.Id));
        Assert.True(directory.TryFind("T1", out var moved));
        Assert.Equal(Fuel, moved);
    }

    [Fact]
    public async Task A_merchant_breaking_a_rule_is_refused_and_nothing_is_journaled()
    {
        var (registry, directory) = await StartAsync(Seed);

        registry.Tell(new RegisterMerchant(Fuel with { Mcc = "54x1" }));
        ExpectMsg(new RegistrationRefused("mcc: '54x1' is not 4 digits"));
        registry.Tell(new RegisterTerminal(new("T000000001", "M1")));
        ExpectMsg<RegistrationRefused>(refused => refused.Error.StartsWith("tid:", StringComparison.Ordinal));

        Assert.Empty(SqliteJournal.Manifests(Journal, RegistryActor.Id));
        Assert.False(directory.TryFindMerchant("M2", out _));
    }

    [Fact]
    public async Task After_a_restart_the_journaled_changes_win_over_the_seed_and_the_rest_follows_the_seed()
    {
        var (registry, _) = await StartAsync(Seed);
        registry.Tell(new RegisterMerchant(Shop with { Mcc = "5499" }));
        ExpectMsg<MerchantStored>();
        registry.Tell(new RegisterMerchant(Fuel));
        ExpectMsg<MerchantStored>();
        registry.Tell(new RegisterTerminal(new("T1", "M2")));
        ExpectMsg<TerminalStored>();
        await StopAsync(registry);

        // The file changed meanwhile: M1 renamed (the API's M1 wins), M3 and T3 added (they appear).
        var grocer = new Merchant("M3", "Grocer", "5411", "FR", ChallengePolicy.Risk);
        var (_, directory) = await StartAsync(new RegistrySeed([Shop with { Name = "Renamed in the file" }, grocer], [new("T1", "M1"), new("T3", "M3")]));

        Assert.True(directory.TryFindMerchant("M1", out var shop));
        Assert.Equal(Shop with { Mcc = "5499" }, shop);
        Assert.True(directory.TryFind("T1", out var t1));
        Assert.Equal(Fuel, t1);
        Assert.True(directory.TryFind("T3", out var t3));
        Assert.Equal(grocer, t3);
    }

    [Fact]
    public async Task The_registry_recovers_from_its_snapshot_alone_and_a_later_seed_still_shows_through()
    {
        var (registry, _) = await StartAsync(Seed, snapshotEvery: 2);
        registry.Tell(new RegisterMerchant(Fuel));
        ExpectMsg<MerchantStored>();
        registry.Tell(new RegisterTerminal(new("T2", "M2")));
        ExpectMsg<TerminalStored>();
        AwaitAssert(() => Assert.Equal(["2"], SqliteJournal.Snapshots(Journal, RegistryActor.Id)));
        await StopAsync(registry);

        SqliteJournal.DeleteEvents(Journal, RegistryActor.Id);
        var grocer = new Merchant("M3", "Grocer", "5411", "FR", ChallengePolicy.Risk);
        var (_, directory) = await StartAsync(new RegistrySeed([Shop, grocer], [new("T1", "M1")]));

        Assert.True(directory.TryFind("T2", out var t2));
        Assert.Equal(Fuel, t2);
        Assert.True(directory.TryFindMerchant("M3", out _));
        Assert.True(directory.TryFind("T1", out _));
    }

    [Fact]
    public async Task A_terminal_moved_to_a_merchant_a_later_seed_dropped_is_unknown_until_that_merchant_is_registered_again()
    {
        var withFuel = new RegistrySeed([Shop, Fuel], [new("T1", "M1")]);
        var (registry, _) = await StartAsync(withFuel);
        registry.Tell(new RegisterTerminal(new("T1", "M2")));
        ExpectMsg<TerminalStored>();
        await StopAsync(registry);

        (registry, var directory) = await StartAsync(Seed);
        Assert.False(directory.TryFind("T1", out _));

        registry.Tell(new RegisterMerchant(Fuel));
        ExpectMsg(new MerchantStored(Fuel, Created: true));
        Assert.True(directory.TryFind("T1", out var merchant));
        Assert.Equal(Fuel, merchant);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteJournal.Delete(Sys.Settings.Config);
    }

    private async Task<(IActorRef Registry, TerminalDirectory Directory)> StartAsync(RegistrySeed seed, int snapshotEvery = 100)
    {
        var directory = new TerminalDirectory();
        var registry = Sys.ActorOf(RegistryActor.Props(seed, directory, snapshotEvery));
        await directory.Published.WaitAsync(TimeSpan.FromSeconds(10));
        return (registry, directory);
    }

    private async Task StopAsync(IActorRef registry)
    {
        Watch(registry);
        Sys.Stop(registry);
        await ExpectTerminatedAsync(registry);
    }
}
