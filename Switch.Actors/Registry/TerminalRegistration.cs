using Switch.Actors.Terminals.Keys;

namespace Switch.Actors.Registry;

/// <summary>A terminal (field 41, up to 8 characters), the merchant it belongs to, and its sealed master key when it has one.</summary>
/// <param name="Key">With a key, the terminal's financial messages must carry a MAC (see <see cref="Terminals.TerminalActor"/>); null for none.</param>
public sealed record TerminalRegistration(string Tid, string Mid, SealedTerminalKey? Key = null);
