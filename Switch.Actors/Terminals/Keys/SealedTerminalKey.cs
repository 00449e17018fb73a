namespace Switch.Actors.Terminals.Keys;

/// <summary>
/// A terminal's master key as the registry keeps it: sealed by <see cref="TerminalKeyCipher"/> (only
/// this node's key-encryption key and the terminal's TID open it) and its check value, which the
/// admin API shows in its place.
/// </summary>
public sealed record SealedTerminalKey(byte[] Sealed, string CheckValue)
{
    public override string ToString() => $"SealedTerminalKey {{ CheckValue = {CheckValue} }}";
}
