using System.Diagnostics.CodeAnalysis;
using Akka.Event;
using Google.Protobuf;
using Switch.Actors.Events;
using Switch.Actors.Terminals.Keys;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Tlv;
using Switch.Protocol.Security;

namespace Switch.Actors.Terminals;

/// <summary>
/// Message authentication of a terminal with a master key in the registry: its sign-on answer carries
/// a fresh nonce (field 62 <c>KN</c>) and the session key's check value (<c>KC</c>); both sides derive
/// the session key from the master key and the nonce; its financial requests must carry their MAC
/// (<see cref="MessageMac"/>) or are answered 63 and go no further; its financial answers carry one.
/// A terminal without a key is not touched (one dictionary miss per financial request) unless the node
/// requires a MAC of every terminal (<see cref="TerminalMacMode.Required"/>): then its financial
/// requests are answered 63 and go no further, while it may still sign on, echo and sign off.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "An actor ends in PostStop, which disposes the session.")]
public sealed partial class TerminalActor
{
    private const string MacMissing = "missing";
    private const string MacWrong = "wrong";
    private const string MacNoKey = "no-key";

    private readonly TerminalMacSession _macs = new();
    private bool _keylessLogged;

    /// <summary>The requests that must carry a MAC: authorizations, purchases, reversals, batch closes and their repeats.</summary>
    private static bool IsAuthenticated(int mti) => mti is 100 or 200 or 400 or 401 or 500 or 501;

    /// <summary>
    /// Whether a financial request may go on: a keyed terminal's when its MAC is right, a keyless
    /// terminal's unless the node requires a MAC of every terminal. A refused one has been answered 63,
    /// counted and logged.
    /// </summary>
    private bool MacAllows(TerminalRequest request, in IsoMessage message)
    {
        if (_settings.Directory.TryFindKey(_tid, out var masterKey))
        {
            return Authentic(request, in message, masterKey);
        }

        if (_settings.Mac == TerminalMacMode.Optional)
        {
            return true;
        }

        TerminalMacMetrics.Failed(MacNoKey);
        // Once per activation, as for an unregistered terminal: every request of a keyless terminal is
        // refused, and one that keeps trying would otherwise write a line a request.
        if (!_keylessLogged)
        {
            _keylessLogged = true;
            _log.Warning("Terminal {0} has no master key and switch.terminals.mac is required: its {1:D4} answered 63 (further refusals until it is passivated are not logged)", _tid, message.Mti);
        }

        Reply(request, ReplyBuilder.Build(in message, ResponseCodes.SecurityViolation));
        return false;
    }

    /// <summary>True when the request may go on; otherwise it has been answered 63, counted and logged (TID and reason only).</summary>
    private bool Authentic(TerminalRequest request, in IsoMessage message, SealedTerminalKey masterKey)
    {
        var failure = _macs.TryGetKey(_tid, masterKey, _settings.KeyCipher, out var key)
            ?? MessageMac.Verify(in message, key!) switch
            {
                MacVerdict.Valid => null,
                MacVerdict.Missing => MacMissing,
                _ => MacWrong,
            };
        if (failure is null)
        {
            return true;
        }

        TerminalMacMetrics.Failed(failure);
        if (failure == TerminalMacSession.KeyUnreadable)
        {
            _log.Error("Terminal {0}: its master key does not open under this node's key-encryption key; its {1:D4} answered 63", _tid, message.Mti);
        }
        else
        {
            _log.Warning("Terminal {0}: {1:D4} answered 63, MAC check failed ({2})", _tid, message.Mti, failure);
        }

        Reply(request, ReplyBuilder.Build(in message, ResponseCodes.SecurityViolation));
        return false;
    }

    /// <summary>
    /// The sign-on of a keyed terminal: a fresh nonce, journaled with the sign-on, and the answer
    /// carrying it with the session key's check value. A master key that does not open is answered 96.
    /// </summary>
    private void SignOnWithKeyExchange(TerminalRequest request, in IsoMessage message, SealedTerminalKey masterKey)
    {
        var nonce = MacKeys.NewNonce();
        using var session = new TerminalMacSession();
        session.Open(nonce);
        if (session.TryGetKey(_tid, masterKey, _settings.KeyCipher, out var key) is not null)
        {
            TerminalMacMetrics.Failed(TerminalMacSession.KeyUnreadable);
            _log.Error("Terminal {0}: its master key does not open under this node's key-encryption key; sign-on answered 96", _tid);
            Reply(request, ReplyBuilder.Build(in message, ResponseCodes.SystemMalfunction));
            return;
        }

        Span<byte> tlv = stackalloc byte[64];
        var writer = new TlvWriter(tlv, ChallengeTags.Field);
        writer.Write(KeyExchangeTags.Nonce, Convert.ToHexString(nonce));
        writer.Write(KeyExchangeTags.CheckValue, MacKeys.CheckValue(key!));
        var reply = ReplyBuilder.Build(in message, ResponseCodes.Approved, null, null, new ReplyAddendum(ChallengeTags.Field, tlv[..writer.Written].ToArray()));
        PersistAsync(new TerminalSignedOn { AtUnixMs = NowUnixMs, KeyNonce = ByteString.CopyFrom(nonce) }, _ =>
        {
            _state.SignOn();
            _macs.Open(nonce);
            Reply(request, reply);
            SnapshotWhenDue();
        });
    }

    /// <summary>A financial answer to a terminal in a MAC session carries its MAC; anything else goes as it is.</summary>
    private byte[] Signed(byte[] reply)
    {
        var message = IsoMessage.Parse(reply, _settings.Profile);
        if (!IsAuthenticated(message.Mti - 10) || !_settings.Directory.TryFindKey(_tid, out var masterKey)
            || _macs.TryGetKey(_tid, masterKey, _settings.KeyCipher, out var key) is not null)
        {
            return reply;
        }

        return MessageMac.Append(reply, _settings.Profile, key!);
    }

    private TerminalSnapshot Snapshot()
    {
        var snapshot = _state.ToSnapshot();
        snapshot.KeyNonce = ByteString.CopyFrom(_macs.Nonce);
        return snapshot;
    }
}
