using System.Collections.Frozen;
using Switch.Actors.Registry;
using Switch.Actors.Terminals.Keys;

namespace Switch.Actors.Terminals;

/// <summary>
/// Which merchant each registered terminal belongs to (a terminal not in it is answered 58), and each
/// merchant by MID. Every terminal entity reads it on every request; the registry changes it rarely.
/// So a change builds a whole new immutable view and swaps it in: reads take no lock, a request sees
/// the registry either wholly before or wholly after a change, and the next request sees the change.
/// Writers are the registry actors of this node (in a cluster the registry's singleton, when it lives
/// here, and the node's replica of it, see <see cref="Version"/>); readers are any threads.
/// </summary>
public sealed class TerminalDirectory
{
    private readonly TaskCompletionSource _published = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _writing = new();
    private View _view = View.Empty;

    /// <summary>An empty directory, not yet published: the registry actor publishes it once it has recovered.</summary>
    public TerminalDirectory()
    {
    }

    /// <summary>A directory published at once with these merchants and terminals.</summary>
    public TerminalDirectory(IEnumerable<Merchant> merchants, IEnumerable<TerminalRegistration> terminals)
    {
        Publish(merchants, terminals);
    }

    /// <summary>Completes at the first publication: until then no terminal is known.</summary>
    public Task Published => _published.Task;

    /// <summary>The journal sequence number of the registry published now (0 before any change was journaled).</summary>
    public long Version => Volatile.Read(ref _view).Version;

    /// <summary>
    /// Told each version that is newer than the one before: in a cluster, how the other nodes learn
    /// that the registry changed. Called on the publishing thread, so it must not block.
    /// </summary>
    public Action<long>? Advanced { get; set; }

    public bool TryFind(string tid, out Merchant merchant) => Volatile.Read(ref _view).MerchantByTerminal.TryGetValue(tid, out merchant!);

    public bool TryFindMerchant(string mid, out Merchant merchant) => Volatile.Read(ref _view).MerchantByMid.TryGetValue(mid, out merchant!);

    /// <summary>The terminal's sealed master key: a terminal that has one must MAC its financial messages.</summary>
    public bool TryFindKey(string tid, out SealedTerminalKey key) => Volatile.Read(ref _view).KeyByTerminal.TryGetValue(tid, out key!);

    /// <summary>
    /// Replaces the whole registry, unless a newer <paramref name="version"/> is published already (two
    /// writers recovering the same journal at different moments must not take it back in time). A
    /// terminal naming a merchant not among <paramref name="merchants"/>, or an id given twice, is
    /// refused (<see cref="ArgumentException"/>) and nothing changes.
    /// </summary>
    public void Publish(IEnumerable<Merchant> merchants, IEnumerable<TerminalRegistration> terminals, long version = 0)
    {
        ArgumentNullException.ThrowIfNull(merchants);
        ArgumentNullException.ThrowIfNull(terminals);
        var byMid = merchants.ToFrozenDictionary(m => m.Mid, StringComparer.Ordinal);
        var byTerminal = terminals.ToFrozenDictionary(
            t => t.Tid,
            t => byMid.TryGetValue(t.Mid, out var merchant) ? merchant : throw new ArgumentException($"terminal {t.Tid} names unknown merchant {t.Mid}", nameof(terminals)),
            StringComparer.Ordinal);
        var keys = terminals.Where(t => t.Key is not null).ToFrozenDictionary(t => t.Tid, t => t.Key!, StringComparer.Ordinal);
        long before;
        lock (_writing)
        {
            before = _view.Version;
            if (version < before)
            {
                return;
            }

            // Volatile: a reader on another core that sees the new view sees it fully built.
            Volatile.Write(ref _view, new View(byMid, byTerminal, keys, version));
        }

        _published.TrySetResult();
        if (version > before)
        {
            Advanced?.Invoke(version);
        }
    }

    private sealed record View(
        FrozenDictionary<string, Merchant> MerchantByMid,
        FrozenDictionary<string, Merchant> MerchantByTerminal,
        FrozenDictionary<string, SealedTerminalKey> KeyByTerminal,
        long Version)
    {
        public static View Empty { get; } = new(
            FrozenDictionary<string, Merchant>.Empty,
            FrozenDictionary<string, Merchant>.Empty,
            FrozenDictionary<string, SealedTerminalKey>.Empty,
            0);
    }
}
