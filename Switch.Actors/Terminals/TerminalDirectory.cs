using System.Collections.Frozen;
using Switch.Actors.Registry;

namespace Switch.Actors.Terminals;

/// <summary>Which merchant each registered terminal belongs to; a terminal not in it is answered 58.</summary>
public sealed class TerminalDirectory
{
    private readonly FrozenDictionary<string, Merchant> _merchantByTerminal;

    public TerminalDirectory(IEnumerable<Merchant> merchants, IEnumerable<TerminalRegistration> terminals)
    {
        var byMid = merchants.ToDictionary(m => m.Mid, StringComparer.Ordinal);
        _merchantByTerminal = terminals.ToFrozenDictionary(
            t => t.Tid,
            t => byMid.TryGetValue(t.Mid, out var merchant) ? merchant : throw new ArgumentException($"terminal {t.Tid} names unknown merchant {t.Mid}", nameof(terminals)),
            StringComparer.Ordinal);
    }

    public bool TryFind(string tid, out Merchant merchant) => _merchantByTerminal.TryGetValue(tid, out merchant!);
}
