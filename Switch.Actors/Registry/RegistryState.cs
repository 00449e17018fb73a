using Switch.Actors.Events;

namespace Switch.Actors.Registry;

/// <summary>
/// The registry the registry actor keeps: the seed from configuration with the journaled changes over
/// it, a change replacing the seed's merchant or terminal of its id, whole. Only the changes are
/// snapshotted, so an older snapshot never hides what a later configuration adds or alters.
/// </summary>
internal sealed class RegistryState
{
    private readonly Dictionary<string, Merchant> _merchants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TerminalRegistration> _terminals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MerchantRegistered> _changedMerchants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TerminalRegistered> _changedTerminals = new(StringComparer.Ordinal);

    public RegistryState(RegistrySeed seed)
    {
        foreach (var merchant in seed.Merchants)
        {
            _merchants[merchant.Mid] = merchant;
        }

        foreach (var terminal in seed.Terminals)
        {
            _terminals[terminal.Tid] = terminal;
        }
    }

    public IReadOnlyCollection<Merchant> Merchants => _merchants.Values;

    /// <summary>Terminals whose merchant is registered: those the directory serves.</summary>
    public IEnumerable<TerminalRegistration> Terminals => _terminals.Values.Where(t => _merchants.ContainsKey(t.Mid));

    /// <summary>
    /// Terminals naming a merchant that is not registered: moved through the API to a merchant that
    /// only the configuration held, which a later configuration dropped. Unknown (58) until that
    /// merchant is registered again.
    /// </summary>
    public IEnumerable<TerminalRegistration> Stray => _terminals.Values.Where(t => !_merchants.ContainsKey(t.Mid));

    /// <summary>How many merchants and terminals were changed through the API (and are journaled).</summary>
    public int Changed => _changedMerchants.Count + _changedTerminals.Count;

    public bool TryGetMerchant(string mid, out Merchant merchant) => _merchants.TryGetValue(mid, out merchant!);

    public bool TryGetTerminal(string tid, out TerminalRegistration terminal) => _terminals.TryGetValue(tid, out terminal!);

    public void Apply(MerchantRegistered registered)
    {
        _merchants[registered.Mid] = RegistryEvents.Merchant(registered);
        _changedMerchants[registered.Mid] = registered;
    }

    public void Apply(TerminalRegistered registered)
    {
        _terminals[registered.Tid] = RegistryEvents.Terminal(registered);
        _changedTerminals[registered.Tid] = registered;
    }

    public void Restore(RegistrySnapshot snapshot)
    {
        foreach (var merchant in snapshot.Merchants)
        {
            Apply(merchant);
        }

        foreach (var terminal in snapshot.Terminals)
        {
            Apply(terminal);
        }
    }

    public RegistrySnapshot ToSnapshot() => new()
    {
        Merchants = { _changedMerchants.Values },
        Terminals = { _changedTerminals.Values },
    };
}
