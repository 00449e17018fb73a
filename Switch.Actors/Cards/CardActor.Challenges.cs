using System.Globalization;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence.Journal;
using Switch.Actors.Cards.Challenges;
using Switch.Actors.Events;
using Switch.Actors.Terminals;
using Switch.Actors.Transactions;
using Switch.Protocol.Masking;

namespace Switch.Actors.Cards;

/// <summary>
/// The cardholder challenge: <see cref="CardChallenges"/> decides, the entity journals the decision's
/// events (tagged with the transaction's RRN, so its history shows every step), then texts the code
/// if there is one and answers. The code exists in clear only between the decision and the SMS.
/// </summary>
public sealed partial class CardActor
{
    private void OpenChallenge(AssessAuthorization request, RiskVerdict verdict)
    {
        var decision = _state.Challenges.Open(ChallengeIds.New(), request.Rrn, request.Tid, _state.SealedPhone is not null, request.At);
        CardMetrics.ChallengeStep(decision.Outcome);
        var sender = Sender;
        switch (decision.Outcome)
        {
            case ChallengeOutcome.Opened:
                PersistDecision(decision, request.Rrn, () => sender.Tell(new CardVerdict(CardVerdictKind.Challenge, ResponseCodes.AdditionalAuthenticationRequired, "challenge opened", verdict, Prompt(decision))));
                break;
            case ChallengeOutcome.CapReached:
                sender.Tell(new CardVerdict(CardVerdictKind.Decline, ResponseCodes.ChallengeAttemptsExhausted, "the card opened its most challenges of the hour", verdict));
                break;
            default:
                sender.Tell(new CardVerdict(CardVerdictKind.Decline, ResponseCodes.DoNotHonour, "a challenge is needed and no phone is bound", verdict));
                break;
        }
    }

    private void TakeStep(TakeChallengeStep step)
    {
        var challenges = _state.Challenges;
        var decision = step.Input.Kind switch
        {
            ChallengeInputKind.Phone => challenges.SubmitPhone(step.ChallengeId, step.Tid, PhoneMatches(step.Input.Value), step.At),
            ChallengeInputKind.Code => challenges.SubmitCode(step.ChallengeId, step.Tid, step.Input.Value, step.At),
            _ => challenges.Resend(step.ChallengeId, step.Tid, step.At),
        };
        CardMetrics.ChallengeStep(decision.Outcome);
        var sender = Sender;
        var rrn = challenges.RrnOf(step.ChallengeId) ?? string.Empty;
        PersistDecision(decision, rrn, () =>
        {
            if (decision.Code is { } code)
            {
                SendCode(decision.ChallengeId, code);
            }

            sender.Tell(Answer(step, decision));
        });
    }

    private CardVerdict Answer(TakeChallengeStep step, ChallengeDecision decision)
    {
        if (decision.AsksCardholder)
        {
            return new CardVerdict(CardVerdictKind.Challenge, ResponseCodes.AdditionalAuthenticationRequired, decision.ToString(), Prompt: Prompt(decision));
        }

        return decision.Outcome switch
        {
            ChallengeOutcome.Passed => new CardVerdict(
                CardVerdictKind.Proceed,
                ResponseCodes.Approved,
                "challenge passed",
                Offer: OfferFor(Features(step.AmountMinor, step.Merchant, cardCountry: null, default, step.At), step.At)),
            // Over without success, by attempts or by time: the cardholder starts again with a new request.
            ChallengeOutcome.Exhausted or ChallengeOutcome.Expired => new CardVerdict(CardVerdictKind.Decline, ResponseCodes.ChallengeAttemptsExhausted, decision.ToString()),
            _ => new CardVerdict(CardVerdictKind.Decline, ResponseCodes.InvalidTransaction, decision.ToString()),
        };
    }

    /// <summary>Field 62 of the 1A; at the OTP step it shows the bound phone, masked by the builder.</summary>
    private ChallengePrompt Prompt(ChallengeDecision decision) =>
        new(decision.ChallengeId, ChallengeReply.Build(decision, decision.Step == ChallengeStep.Otp ? BoundPhone() : null));

    /// <summary>A phone in the wrong format, or typed for a card with none bound, is simply not the card's.</summary>
    private bool PhoneMatches(string typed) =>
        _state.SealedPhone is { } sealedPhone
        && PhoneNumbers.TryNormalize(typed, out var phone)
        && _settings.Phones.Matches(sealedPhone, _token, phone);

    private string? BoundPhone() =>
        _state.SealedPhone is { } sealedPhone && _settings.Phones.TryOpen(sealedPhone, _token, out var phone) ? phone : null;

    /// <summary>Journals the decision's events, each tagged with its transaction's RRN, then runs <paramref name="then"/>.</summary>
    private void PersistDecision(ChallengeDecision decision, string rrn, Action then)
    {
        if (decision.Events.Count == 0)
        {
            then();
            return;
        }

        var tags = rrn.Length == 0 ? [] : new[] { TerminalActor.RrnTagPrefix + rrn };
        var remaining = decision.Events.Count;
        PersistAll(decision.Events.Select(e => new Tagged(e, tags)), tagged =>
        {
            _state.Challenges.Apply((Google.Protobuf.IMessage)tagged.Payload);
            if (--remaining == 0)
            {
                then();
                SnapshotWhenDue();
            }
        });
    }

    private void SendCode(string challengeId, string code)
    {
        if (BoundPhone() is not { } phone)
        {
            _log.Error("Card {0}: the bound phone cannot be opened (wrong phone key?); no code was texted for challenge {1}", Short, challengeId);
            return;
        }

        var text = _settings.SmsText
            .Replace("{code}", code, StringComparison.Ordinal)
            .Replace("{minutes}", ((int)Math.Ceiling(_settings.Challenge.CodeValidity.TotalMinutes)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var masked = Mask.Phone(phone);
        _settings.Sms.SendAsync(new SmsMessage(phone, text, challengeId), CancellationToken.None)
            .PipeTo(Self, success: delivery => new SmsDone(challengeId, masked, delivery), failure: ex => new SmsDone(challengeId, masked, new SmsDelivery(SmsDeliveryStatus.Failed, 0, ex.GetType().Name)));
    }

    private void LogDelivery(SmsDone done)
    {
        CardMetrics.SmsSent(done.Delivery.Status);
        if (done.Delivery.Status == SmsDeliveryStatus.Delivered)
        {
            _log.Info("Card {0}: code for challenge {1} texted to {2} ({3} attempts)", Short, done.ChallengeId, done.MaskedPhone, done.Delivery.Attempts);
        }
        else
        {
            _log.Warning("Card {0}: code for challenge {1} to {2} not delivered: {3} ({4})", Short, done.ChallengeId, done.MaskedPhone, done.Delivery.Status, done.Delivery.Detail);
        }
    }

    /// <summary>How texting a code went; phone masked.</summary>
    private sealed record SmsDone(string ChallengeId, string MaskedPhone, SmsDelivery Delivery);
}
