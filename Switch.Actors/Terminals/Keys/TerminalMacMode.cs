namespace Switch.Actors.Terminals.Keys;

/// <summary>Whether a terminal without a master key may transact (<c>switch.terminals.mac</c>).</summary>
public enum TerminalMacMode
{
    /// <summary>A keyless terminal works as DESIGN.md describes; only keyed ones MAC their financial messages.</summary>
    Optional,

    /// <summary>Every financial message must carry a MAC: a keyless terminal's are answered 63.</summary>
    Required,
}
