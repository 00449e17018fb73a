using System.Security.Cryptography;
using Switch.Protocol.Security;

namespace Switch.Actors.Terminals.Keys;

/// <summary>
/// A keyed terminal's MAC session as its entity holds it: the nonce of its current sign-on (journaled,
/// not secret) and, derived from it and the master key on first use, the session key. Only the nonce
/// is kept, so the session survives a restart or a hand-off to another node without a key being
/// stored; the derived key is cached for the master key it came from and derived again when the
/// registry holds another.
/// </summary>
public sealed class TerminalMacSession : IDisposable
{
    public const string NoSession = "no-session";
    public const string KeyUnreadable = "key-unreadable";

    private byte[] _nonce = [];
    private AesCmac? _key;
    private SealedTerminalKey? _derivedFrom;

    /// <summary>Whether the terminal signed on with a key exchange and has not signed off since.</summary>
    public bool IsOpen => _nonce.Length != 0;

    /// <summary>The current sign-on's nonce, empty when none: what the journal and the snapshot keep.</summary>
    public ReadOnlySpan<byte> Nonce => _nonce;

    /// <summary>A sign-on: <paramref name="nonce"/> (empty for a sign-on without key exchange) replaces the session.</summary>
    public void Open(ReadOnlySpan<byte> nonce)
    {
        Forget();
        _nonce = nonce.ToArray();
    }

    public void Close() => Open([]);

    /// <summary>
    /// The session key for the terminal's master key, or the reason there is none: <see cref="NoSession"/>
    /// (no key exchange since the terminal last signed on) or <see cref="KeyUnreadable"/> (the sealed key
    /// does not open under this node's key-encryption key).
    /// </summary>
    public string? TryGetKey(string tid, SealedTerminalKey masterKey, TerminalKeyCipher? cipher, out AesCmac? key)
    {
        key = null;
        if (!IsOpen)
        {
            return NoSession;
        }

        if (_key is null || !ReferenceEquals(_derivedFrom, masterKey))
        {
            Forget();
            Span<byte> master = stackalloc byte[MacKeys.KeyLength];
            Span<byte> session = stackalloc byte[MacKeys.KeyLength];
            try
            {
                if (cipher is null || !cipher.TryOpen(tid, masterKey, master))
                {
                    return KeyUnreadable;
                }

                MacKeys.DeriveSessionKey(master, _nonce, session);
                _key = new AesCmac(session);
                _derivedFrom = masterKey;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(master);
                CryptographicOperations.ZeroMemory(session);
            }
        }

        key = _key;
        return null;
    }

    public void Dispose() => Forget();

    private void Forget()
    {
        _key?.Dispose();
        _key = null;
        _derivedFrom = null;
    }
}
