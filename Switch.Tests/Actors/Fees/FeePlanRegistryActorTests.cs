using Akka.Actor;
using Akka.Configuration;
using Switch.Actors.Fees;
using Switch.Tests.Support;
using Xunit.Abstractions;

namespace Switch.Tests.Actors.Fees;

/// <summary>The fee-plan registry on the real SQLite journal: the seed, every change an event with who and when, what a restart recovers.</summary>
public sealed class FeePlanRegistryActorTests : Akka.TestKit.Xunit2.TestKit
{
    private const string VersionAdded = "switch.events.v1.FeePlanVersionAdded";

    private static readonly FeeTerms Standard = new(new FeeRate(6_000), new FeeRate(3_800));
    private static readonly FeeTerms Lower = new(new FeeRate(5_500), new FeeRate(3_800), CardFixedMinor: 0, QrFixedMinor: 10);
    private static readonly FeePlanSeed Std = new("std", Standard, DateTimeOffset.UnixEpoch);

    public FeePlanRegistryActorTests(ITestOutputHelper output)
        : base(SqliteJournal.NewConfig(), output: output)
    {
    }

    private Config Journal => Sys.Settings.Config;

    private DateTimeOffset Clock => Sys.Scheduler.Now;

    [Fact]
    public async Task A_configured_plan_new_to_the_journal_is_journaled_as_version_1_by_configuration_and_published()
    {
        var before = Clock.AddSeconds(-1);
        var (_, directory) = await StartAsync([Std]);

        Assert.Equal([VersionAdded], SqliteJournal.Manifests(Journal, FeePlanRegistryActor.Id));
        Assert.True(directory.TryFind("std", out var plan));
        var version = Assert.Single(plan.Versions);
        Assert.Equal((1, DateTimeOffset.UnixEpoch, Standard, "configuration"), (version.Version, version.EffectiveFrom, version.Terms, version.ChangedBy));
        Assert.InRange(version.ChangedAt, before, Clock);
    }

    [Fact]
    public async Task A_change_is_answered_once_durable_and_published_with_who_and_when()
    {
        var (plans, directory) = await StartAsync([Std]);
        var december = Clock.AddDays(30);

        plans.Tell(new AddFeePlanVersion("std", Lower, december, "ops@example"));
        var stored = ExpectMsg<FeePlanVersionStored>();
        plans.Tell(new AddFeePlanVersion("new", Standard, EffectiveFrom: null, "risk@example"));
        var created = ExpectMsg<FeePlanVersionStored>();

        Assert.Equal([VersionAdded, VersionAdded, VersionAdded], SqliteJournal.Manifests(Journal, FeePlanRegistryActor.Id));
        Assert.Equal((2, Lower, "ops@example"), (stored.Version.Version, stored.Version.Terms, stored.Version.ChangedBy));
        Assert.Equal(december.ToUnixTimeMilliseconds(), stored.Version.EffectiveFrom.ToUnixTimeMilliseconds());
        Assert.InRange(stored.Version.ChangedAt, Clock.AddSeconds(-10), Clock);
        Assert.Equal(1, created.Version.Version);
        Assert.Equal(created.Version.ChangedAt, created.Version.EffectiveFrom);
        Assert.True(directory.TryFind("std", out var std));
        Assert.Equal(2, std.Versions.Length);
        Assert.Equal(1, std.InForceAt(Clock)?.Version);
        Assert.Equal(2, std.InForceAt(december)?.Version);
        Assert.True(directory.TryFind("new", out _));
    }

    [Fact]
    public async Task A_backdated_or_malformed_change_is_refused_and_nothing_is_journaled()
    {
        var (plans, directory) = await StartAsync([]);

        plans.Tell(new AddFeePlanVersion("std", Standard, Clock.AddMinutes(-1), "ops@example"));
        ExpectMsg<FeePlanChangeRefused>(refused => refused.Error.StartsWith("effectiveFrom: ", StringComparison.Ordinal) && refused.Error.Contains("is in the past", StringComparison.Ordinal));
        plans.Tell(new AddFeePlanVersion("std", Standard, null, " "));
        ExpectMsg<FeePlanChangeRefused>(refused => refused.Error.StartsWith("changedBy: ", StringComparison.Ordinal));
        plans.Tell(new AddFeePlanVersion("std", Standard with { CardFixedMinor = -1 }, null, "ops"));
        ExpectMsg<FeePlanChangeRefused>(refused => refused.Error.StartsWith("cardFixed: ", StringComparison.Ordinal));
        plans.Tell(new AddFeePlanVersion("std plan", Standard, null, "ops"));
        ExpectMsg<FeePlanChangeRefused>(refused => refused.Error.StartsWith("id: ", StringComparison.Ordinal));

        Assert.Empty(SqliteJournal.Manifests(Journal, FeePlanRegistryActor.Id));
        Assert.False(directory.TryFind("std", out _));
    }

    [Fact]
    public async Task A_change_taking_effect_before_a_scheduled_one_is_refused()
    {
        var (plans, _) = await StartAsync([Std]);
        plans.Tell(new AddFeePlanVersion("std", Lower, Clock.AddDays(30), "ops@example"));
        ExpectMsg<FeePlanVersionStored>();

        plans.Tell(new AddFeePlanVersion("std", Standard, Clock.AddDays(1), "ops@example"));

        ExpectMsg<FeePlanChangeRefused>(refused => refused.Error.Contains("is before version 2's", StringComparison.Ordinal));
        Assert.Equal(2, SqliteJournal.Manifests(Journal, FeePlanRegistryActor.Id).Count);
    }

    [Fact]
    public async Task After_a_restart_the_journal_is_the_plan_and_an_edited_seed_changes_no_rate()
    {
        var (plans, _) = await StartAsync([Std]);
        plans.Tell(new AddFeePlanVersion("std", Lower, Clock.AddDays(30), "ops@example"));
        var stored = ExpectMsg<FeePlanVersionStored>();
        await StopAsync(plans);

        // The file changed meanwhile: std's rate raised (ignored: the journal holds std), flat added (journaled).
        var flat = new FeePlanSeed("flat", Lower, DateTimeOffset.UnixEpoch);
        var (_, directory) = await StartAsync([Std with { Terms = Lower }, flat]);

        Assert.True(directory.TryFind("std", out var std));
        Assert.Equal([Standard, Lower], std.Versions.Select(v => v.Terms));
        Assert.Equal(stored.Plan.Versions.ToArray(), std.Versions.ToArray());
        Assert.True(directory.TryFind("flat", out var added));
        Assert.Equal("configuration", Assert.Single(added.Versions).ChangedBy);
        Assert.Equal(3, SqliteJournal.Manifests(Journal, FeePlanRegistryActor.Id).Count);
    }

    [Fact]
    public async Task The_plans_recover_from_their_snapshot_alone()
    {
        var (plans, _) = await StartAsync([Std], snapshotEvery: 2);
        plans.Tell(new AddFeePlanVersion("std", Lower, Clock.AddDays(30), "ops@example"));
        var stored = ExpectMsg<FeePlanVersionStored>();
        AwaitAssert(() => Assert.Equal(["2"], SqliteJournal.Snapshots(Journal, FeePlanRegistryActor.Id)));
        await StopAsync(plans);

        SqliteJournal.DeleteEvents(Journal, FeePlanRegistryActor.Id);
        var (_, directory) = await StartAsync([Std]);

        Assert.True(directory.TryFind("std", out var std));
        Assert.Equal(stored.Plan.Versions.ToArray(), std.Versions.ToArray());
        Assert.Empty(SqliteJournal.Manifests(Journal, FeePlanRegistryActor.Id));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteJournal.Delete(Sys.Settings.Config);
    }

    private async Task<(IActorRef Plans, FeePlanDirectory Directory)> StartAsync(IReadOnlyList<FeePlanSeed> seed, int snapshotEvery = 100)
    {
        var directory = new FeePlanDirectory();
        var plans = Sys.ActorOf(FeePlanRegistryActor.Props(seed, directory, snapshotEvery));
        await directory.Published.WaitAsync(TimeSpan.FromSeconds(10));
        return (plans, directory);
    }

    private async Task StopAsync(IActorRef plans)
    {
        Watch(plans);
        Sys.Stop(plans);
        await ExpectTerminatedAsync(plans);
    }
}
