using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Switch.Actors.Events;
using Switch.Actors.Terminals;

namespace Switch.Actors.Registry;

/// <summary>
/// The one writer of the merchant and terminal registry (persistence id <c>registry</c>). It starts
/// from the configuration's seed, applies the journaled changes over it at recovery, and only then
/// publishes the result to the <see cref="TerminalDirectory"/>, so terminals never see a half-recovered
/// registry. Each change is answered once its event is durable and the directory shows it; changes are
/// journaled one at a time (Persist, not PersistAsync), so a terminal registered right after its
/// merchant always finds it.
/// </summary>
public sealed class RegistryActor : ReceivePersistentActor
{
    public const string Id = "registry";

    private readonly RegistryState _state;
    private readonly TerminalDirectory _directory;
    private readonly int _snapshotEvery;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public RegistryActor(RegistrySeed seed, TerminalDirectory directory, int snapshotEvery)
    {
        _state = new RegistryState(seed);
        _directory = directory;
        _snapshotEvery = snapshotEvery;
        Recover<SnapshotOffer>(offer => _state.Restore((RegistrySnapshot)offer.Snapshot));
        Recover<MerchantRegistered>(_state.Apply);
        Recover<TerminalRegistered>(_state.Apply);
        Recover<RecoveryCompleted>(_ => Recovered());
        Command<RegisterMerchant>(Register);
        Command<RegisterTerminal>(Register);
        // Recovery reads only the newest snapshot, so older ones go. The events stay: they are the
        // record of who changed the registry when.
        Command<SaveSnapshotSuccess>(saved => DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(failed => _log.Warning(failed.Cause, "Registry: snapshot at {0} failed; recovery replays more events", failed.Metadata.SequenceNr));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(failed => _log.Warning(failed.Cause, "Registry: deleting old snapshots failed"));
    }

    public override string PersistenceId => Id;

    private static long NowUnixMs => Context.System.Scheduler.Now.ToUnixTimeMilliseconds();

    /// <param name="seed">The configuration's registry, consistent in itself (each terminal names one of its merchants).</param>
    /// <param name="directory">Where the registry is published for the terminal entities.</param>
    /// <param name="snapshotEvery">Events between snapshots, which keep recovery short.</param>
    public static Props Props(RegistrySeed seed, TerminalDirectory directory, int snapshotEvery = 100)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(snapshotEvery, 1);
        return Akka.Actor.Props.Create(() => new RegistryActor(seed, directory, snapshotEvery));
    }

    private void Recovered()
    {
        foreach (var stray in _state.Stray)
        {
            _log.Warning("Registry: terminal {0} names merchant {1}, which is no longer registered; it is answered 58 until that merchant is", stray.Tid, stray.Mid);
        }

        Publish();
        _log.Info("Registry: {0} merchants and {1} terminals published ({2} changed through the admin API)", _state.Merchants.Count, _state.Terminals.Count(), _state.Changed);
    }

    private void Register(RegisterMerchant command)
    {
        var merchant = command.Merchant;
        if (RegistryRules.Check(merchant) is { } error)
        {
            Sender.Tell(new RegistrationRefused(error));
            return;
        }

        var created = !_state.TryGetMerchant(merchant.Mid, out _);
        Persist(RegistryEvents.Registered(merchant, NowUnixMs), registered =>
        {
            _state.Apply(registered);
            Publish();
            _log.Info("Registry: merchant {0} {1} (MCC {2}, {3}, challenge {4})", merchant.Mid, created ? "created" : "replaced", merchant.Mcc, merchant.Country, merchant.Challenge);
            Sender.Tell(new MerchantStored(merchant, created));
            SnapshotWhenDue();
        });
    }

    private void Register(RegisterTerminal command)
    {
        var terminal = command.Terminal;
        if (RegistryRules.Check(terminal) is { } error)
        {
            Sender.Tell(new RegistrationRefused(error));
            return;
        }

        if (!_state.TryGetMerchant(terminal.Mid, out _))
        {
            Sender.Tell(new RegistrationRefused($"mid: no merchant '{terminal.Mid}' is registered"));
            return;
        }

        var created = !_state.TryGetTerminal(terminal.Tid, out var before);
        if (command.KeepKey)
        {
            terminal = terminal with { Key = created ? null : before.Key };
        }

        Persist(RegistryEvents.Registered(terminal, NowUnixMs), registered =>
        {
            _state.Apply(registered);
            Publish();
            _log.Info("Registry: terminal {0} registered to merchant {1} (before: {2}; master key check value: {3})", terminal.Tid, terminal.Mid, created ? "not registered" : before.Mid, terminal.Key?.CheckValue ?? "none");
            Sender.Tell(new TerminalStored(terminal, created));
            SnapshotWhenDue();
        });
    }

    private void Publish() => _directory.Publish(_state.Merchants, _state.Terminals, LastSequenceNr);

    /// <summary>Called in a persist handler, where the state is exactly that of the events up to <see cref="Eventsourced.LastSequenceNr"/>.</summary>
    private void SnapshotWhenDue()
    {
        if (LastSequenceNr % _snapshotEvery == 0)
        {
            SaveSnapshot(_state.ToSnapshot());
        }
    }
}
