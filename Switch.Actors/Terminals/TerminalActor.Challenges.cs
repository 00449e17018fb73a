using System.Text;
using Akka.Actor;
using Akka.Event;
using Switch.Actors.Events;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Tlv;

namespace Switch.Actors.Terminals;

/// <summary>
/// A transaction that challenges the cardholder spans several requests from the terminal, each with
/// a new STAN and each answered 1A until the last. The terminal journals that a challenge is open
/// (<see cref="ChallengeAwaited"/>); a request naming its id (field 62, tag CI) gets a new child that
/// takes the cardholder's step under the challenge's RRN. The card entity holds the challenge itself.
/// </summary>
public sealed partial class TerminalActor
{
    /// <summary>Challenge ids are the switch's own; anything longer is not one of them.</summary>
    private const int MaxChallengeIdLength = 32;

    private void AwaitChallenge(AwaitChallenge waiting)
    {
        var transaction = Sender;
        Context.Unwatch(transaction);
        Context.Stop(transaction);
        if (_state.InFlightWith(transaction) is not { } inFlight)
        {
            _log.Warning("Terminal {0}: a transaction opened challenge {1} with no request in flight", _tid, waiting.Event.ChallengeId);
            return;
        }

        if (_state.IsChallengeOpen(waiting.Event.ChallengeId))
        {
            AnswerStep(inFlight, waiting.Reply);
            return;
        }

        PersistAsync(Tag(waiting.Event, waiting.Event.Rrn), _ =>
        {
            _state.ChallengeAwaited(waiting.Event, NowUnixMs);
            AnswerStep(inFlight, waiting.Reply);
            SnapshotWhenDue();
        });
    }

    private void AnswerStep(InFlight inFlight, byte[] reply)
    {
        foreach (var request in inFlight.Waiting)
        {
            Reply(request, reply);
        }

        _state.End(inFlight.Key.Stan);
        StopWhenIdle();
    }

    /// <summary>
    /// Finds the open challenge a request continues. Field 62 that is not well-formed TLV is a
    /// format error (30); a challenge id not open on this terminal is answered 12, as a challenge of
    /// another terminal is: a terminal learns nothing about challenges but its own.
    /// </summary>
    /// <returns>False when the request was answered here.</returns>
    private bool TryFindChallenge(TerminalRequest request, in IsoMessage message, long nowUnixMs, out ChallengeAwaited? challenge)
    {
        challenge = null;
        if (!message.Has(ChallengeTags.Field))
        {
            return true;
        }

        var tlv = new TlvReader(message.Raw(ChallengeTags.Field), ChallengeTags.Field);
        if (tlv.Validate() is { } error)
        {
            _log.Warning("Terminal {0}: field 62 is malformed ({1}); answered 30", _tid, error.Message);
            Reply(request, ReplyBuilder.Build(in message, ResponseCodes.FormatError));
            return false;
        }

        if (!tlv.TryFind(ChallengeTags.ChallengeId, out var value))
        {
            return true;
        }

        if (!IsChallengeId(value) || !_state.TryGetChallenge(Encoding.ASCII.GetString(value), nowUnixMs, out var open))
        {
            _log.Warning("Terminal {0}: a request names a challenge that is not open here; answered 12", _tid);
            Reply(request, ReplyBuilder.Build(in message, ResponseCodes.InvalidTransaction));
            return false;
        }

        challenge = open;
        return true;
    }

    private static bool IsChallengeId(ReadOnlySpan<byte> value) =>
        value.Length is > 0 and <= MaxChallengeIdLength && !value.ContainsAnyExceptInRange((byte)'!', (byte)'~');
}
