using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Switch.Actors.Events;

namespace Switch.Actors.Fees;

/// <summary>
/// The one writer of the merchant fee plans (persistence id <c>fee-plans</c>). At recovery it journals
/// version 1 of each configured plan the journal does not hold yet, then publishes every plan to the
/// <see cref="FeePlanDirectory"/>. A change adds a version (never rewrites one), takes effect now or
/// later, and is answered once durable and published. Versions are journaled one at a time (Persist,
/// not PersistAsync), so each is checked against the version before it.
/// </summary>
public sealed class FeePlanRegistryActor : ReceivePersistentActor
{
    public const string Id = "fee-plans";

    private readonly FeePlanState _state = new();
    private readonly IReadOnlyList<FeePlanSeed> _seed;
    private readonly FeePlanDirectory _directory;
    private readonly int _snapshotEvery;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public FeePlanRegistryActor(IReadOnlyList<FeePlanSeed> seed, FeePlanDirectory directory, int snapshotEvery)
    {
        _seed = seed;
        _directory = directory;
        _snapshotEvery = snapshotEvery;
        Recover<SnapshotOffer>(offer => _state.Restore((FeePlanSnapshot)offer.Snapshot));
        Recover<FeePlanVersionAdded>(added => _state.Apply(added));
        Recover<RecoveryCompleted>(_ => Recovered());
        Command<AddFeePlanVersion>(Add);
        // Recovery reads only the newest snapshot, so older ones go. The events stay: they are the
        // record of which rates applied when and who set them.
        Command<SaveSnapshotSuccess>(saved => DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(failed => _log.Warning(failed.Cause, "Fee plans: snapshot at {0} failed; recovery replays more events", failed.Metadata.SequenceNr));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(failed => _log.Warning(failed.Cause, "Fee plans: deleting old snapshots failed"));
    }

    public override string PersistenceId => Id;

    /// <summary>Now, to the millisecond the journal keeps.</summary>
    private static DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds(Context.System.Scheduler.Now.ToUnixTimeMilliseconds());

    /// <param name="seed">The configuration's plans (<c>switch.fee-plans</c>), each id once.</param>
    /// <param name="directory">Where the plans are published for transactions and the admin API.</param>
    /// <param name="snapshotEvery">Events between snapshots, which keep recovery short.</param>
    public static Props Props(IReadOnlyList<FeePlanSeed> seed, FeePlanDirectory directory, int snapshotEvery = 100)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(snapshotEvery, 1);
        return Akka.Actor.Props.Create(() => new FeePlanRegistryActor(seed, directory, snapshotEvery));
    }

    private void Recovered()
    {
        var now = Now;
        var added = new List<FeePlanVersionAdded>();
        foreach (var seed in _seed)
        {
            if (!_state.TryGet(seed.Id, out var journaled))
            {
                added.Add(FeePlanEvents.Added(seed.Id, new FeePlanVersion(1, seed.EffectiveFrom, seed.Terms, FeePlanEvents.Configuration, now)));
            }
            else if (journaled.Versions[0].Terms != seed.Terms || journaled.Versions[0].EffectiveFrom != seed.EffectiveFrom)
            {
                // The journal is the plan: a rate edited in the file must not change what merchants pay unseen.
                _log.Warning("Fee plans: switch.fee-plans entry {0} differs from the plan's journaled version 1 and is ignored; change a plan through PUT /api/fee-plans/{0}", seed.Id);
            }
        }

        if (added.Count == 0)
        {
            Publish();
            return;
        }

        // Persisting here holds back every command until the seeds are durable and published.
        PersistAll(added, seeded =>
        {
            _ = _state.Apply(seeded);
            _log.Info("Fee plans: plan {0} journaled from the configuration as version 1", seeded.PlanId);
            if (ReferenceEquals(seeded, added[^1]))
            {
                Publish();
            }

            SnapshotWhenDue();
        });
    }

    private void Publish()
    {
        _directory.Publish(_state.Plans, LastSequenceNr);
        _log.Info("Fee plans: {0} plans published", _state.Plans.Count);
    }

    private void Add(AddFeePlanVersion command)
    {
        var now = Now;
        var effectiveFrom = command.EffectiveFrom is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()) : now;
        var existing = _state.TryGet(command.PlanId, out var plan) ? plan : null;
        if ((FeePlanRules.Id(command.PlanId) ?? FeePlanRules.Check(command.Terms) ?? FeePlanRules.ChangedBy(command.ChangedBy) ?? FeePlanRules.EffectiveFrom(existing, effectiveFrom, now)) is { } error)
        {
            Sender.Tell(new FeePlanChangeRefused(error));
            return;
        }

        var version = new FeePlanVersion((existing?.Latest.Version ?? 0) + 1, effectiveFrom, command.Terms, command.ChangedBy, now);
        Persist(FeePlanEvents.Added(command.PlanId, version), added =>
        {
            var changed = _state.Apply(added);
            _directory.Publish(_state.Plans, LastSequenceNr);
            _log.Info("Fee plans: plan {0} version {1} effective {2:O} by {3}: {4}", added.PlanId, version.Version, version.EffectiveFrom, version.ChangedBy, version.Terms);
            Sender.Tell(new FeePlanVersionStored(changed, version));
            SnapshotWhenDue();
        });
    }

    /// <summary>Called in a persist handler, where the state is exactly that of the events up to <see cref="Eventsourced.LastSequenceNr"/>.</summary>
    private void SnapshotWhenDue()
    {
        if (LastSequenceNr % _snapshotEvery == 0)
        {
            SaveSnapshot(_state.ToSnapshot());
        }
    }
}
