using System.Text;
using Akka.Actor;
using Akka.Event;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Tlv;

namespace Switch.Actors.Terminals;

/// <summary>
/// A transaction that challenges the cardholder spans several requests from the terminal, each with
/// a new STAN and each answered 1A until the last. Its child says so with <see cref="AwaitChallenge"/>;
/// requests carrying that challenge id (field 62, tag CI) then reach the same child, not a new one.
/// </summary>
public sealed partial class TerminalActor
{
    /// <summary>Challenge ids are the switch's own; anything longer is not one of them.</summary>
    private const int MaxChallengeIdLength = 32;

    private void AwaitChallenge(AwaitChallenge waiting)
    {
        var transaction = Sender;
        if (_state.InFlightWith(transaction) is not { } inFlight)
        {
            _log.Warning("Terminal {0}: a transaction opened challenge {1} with no request in flight", _tid, waiting.ChallengeId);
            return;
        }

        foreach (var request in inFlight.Waiting)
        {
            Reply(request, waiting.Reply);
        }

        _state.End(inFlight.Key.Stan);
        _state.OpenChallenge(waiting.ChallengeId, new OpenChallenge(transaction, inFlight.Rrn));
        StopWhenIdle();
    }

    /// <returns>Whether the request named a challenge, and so was dealt with here.</returns>
    private bool ContinueChallenge(TerminalRequest request, in IsoMessage message, DuplicateKey key, DateTimeOffset now)
    {
        if (!TryReadChallengeId(in message, out var challengeId))
        {
            return false;
        }

        if (challengeId is null || !_state.TryGetChallenge(challengeId, out var challenge))
        {
            _log.Warning("Terminal {0}: a request names a challenge that is not open here; answered 12", _tid);
            Reply(request, ReplyBuilder.Build(in message, ResponseCodes.InvalidTransaction));
            return true;
        }

        _state.Begin(new InFlight(key, challenge.Rrn, request, challenge.Transaction));
        challenge.Transaction.Tell(new ContinueTransaction(request.Message, now));
        return true;
    }

    /// <returns>Whether field 62 carries a CI tag; <paramref name="challengeId"/> is null when its value cannot be one.</returns>
    private static bool TryReadChallengeId(in IsoMessage message, out string? challengeId)
    {
        challengeId = null;
        if (!message.Has(ChallengeTags.Field) || !new TlvReader(message.Raw(ChallengeTags.Field)).TryFind(ChallengeTags.ChallengeId, out var value))
        {
            return false;
        }

        if (value.Length is > 0 and <= MaxChallengeIdLength && !value.ContainsAnyExceptInRange((byte)'!', (byte)'~'))
        {
            challengeId = Encoding.ASCII.GetString(value);
        }

        return true;
    }
}
