using System.Diagnostics.CodeAnalysis;
using Google.Protobuf;
using Switch.Actors.Events;

namespace Switch.Actors.Cards.Challenges;

/// <summary>
/// The decisions: each reads the state at <c>now</c> and returns events and an answer, changing
/// nothing. Whatever a terminal sends, the outcome is a value. A challenge of another terminal is
/// answered exactly as one that does not exist, so a challenge id is no oracle; whether a phone is
/// bound shows only where the policy says it may (<see cref="UnboundCardPolicy"/>). Besides its own
/// outcomes, every step may answer the common ones: <see cref="ChallengeOutcome.Unknown"/>,
/// <see cref="ChallengeOutcome.Expired"/>, <see cref="ChallengeOutcome.Exhausted"/> (the challenge
/// ended so before) and <see cref="ChallengeOutcome.WrongStep"/>.
/// Each step has its own deadline: the PHONE step the challenge's lifetime from opening, the OTP
/// step the current code's validity. So a challenge lasts at most the lifetime plus one code's
/// validity per code texted, and resends are counted.
/// </summary>
public sealed partial class CardChallenges
{
    /// <summary>Opens a challenge at the PHONE step, for transaction <paramref name="rrn"/> at terminal <paramref name="tid"/>.</summary>
    /// <param name="challengeId">From <see cref="ChallengeIds.New"/>.</param>
    /// <param name="phoneBound">Whether the card has a phone bound; without one, <see cref="ChallengeSettings.UnboundCard"/> decides.</param>
    /// <returns><see cref="ChallengeOutcome.Opened"/>, <see cref="ChallengeOutcome.CapReached"/> or <see cref="ChallengeOutcome.NoPhone"/>.</returns>
    /// <exception cref="ArgumentException">The id is not one of <see cref="ChallengeIds.New"/>'s or is taken, or rrn or tid is empty: the caller's mistakes, not the terminal's.</exception>
    public ChallengeDecision Open(string challengeId, string rrn, string tid, bool phoneBound, DateTimeOffset now)
    {
        if (challengeId is null || !ChallengeIds.IsWellFormed(challengeId))
        {
            throw new ArgumentException("not a challenge id of ChallengeIds.New", nameof(challengeId));
        }

        ArgumentException.ThrowIfNullOrEmpty(rrn);
        ArgumentException.ThrowIfNullOrEmpty(tid);
        if (Find(challengeId) is not null)
        {
            throw new ArgumentException("this card already has a challenge with this id", nameof(challengeId));
        }

        if (!phoneBound && _settings.UnboundCard == UnboundCardPolicy.Decline)
        {
            return ChallengeDecision.Final(ChallengeOutcome.NoPhone, challengeId);
        }

        var at = now.ToUnixTimeMilliseconds();
        if (_challenges.Count(c => c.OpenedAtUnixMs > at - HourMs) >= _settings.MaxPerHour)
        {
            return ChallengeDecision.Final(ChallengeOutcome.CapReached, challengeId);
        }

        var events = new List<IMessage>();
        var stillOpen = new List<ChallengeRecord>();
        foreach (var challenge in _challenges.Where(c => c.Closed == ChallengeCloseReason.Unspecified))
        {
            if (at >= Deadline(challenge))
            {
                events.Add(Closed(challenge, ChallengeCloseReason.Expired, at));
            }
            else
            {
                stillOpen.Add(challenge);
            }
        }

        events.AddRange(stillOpen.Take(stillOpen.Count - MaxOpen + 1).Select(c => Closed(c, ChallengeCloseReason.Superseded, at)));
        events.Add(new ChallengeOpened
        {
            ChallengeId = challengeId,
            Rrn = rrn,
            Tid = tid,
            OpenedAtUnixMs = at,
            ExpiresAtUnixMs = at + (long)_settings.Lifetime.TotalMilliseconds,
            Attempts = _settings.AttemptsPerStep,
        });
        return ChallengeDecision.Ask(ChallengeOutcome.Opened, challengeId, ChallengeStep.Phone, _settings.AttemptsPerStep, Seconds(_settings.Lifetime), [.. events]);
    }

    /// <summary>The cardholder typed a phone at the PHONE step.</summary>
    /// <param name="phoneMatches">Whether it is the card's bound phone (<see cref="PhoneCipher.Matches"/>); false for a card with none.</param>
    /// <returns><see cref="ChallengeOutcome.CodeToSend"/>, <see cref="ChallengeOutcome.WrongPhone"/>, or a common outcome.</returns>
    public ChallengeDecision SubmitPhone(string challengeId, string tid, bool phoneMatches, DateTimeOffset now)
    {
        var at = now.ToUnixTimeMilliseconds();
        if (TrySettle(challengeId, tid, at, out var settled, out var challenge))
        {
            return settled;
        }

        if (challenge.Step != ChallengeStep.Phone)
        {
            return Current(ChallengeOutcome.WrongStep, challenge, at);
        }

        if (!phoneMatches)
        {
            return Failed(ChallengeOutcome.WrongPhone, challenge, at);
        }

        var verified = new ChallengePhoneVerified { ChallengeId = challenge.ChallengeId, AtUnixMs = at, Attempts = _settings.AttemptsPerStep };
        return IssueCode(challenge, _settings.AttemptsPerStep, at, verified);
    }

    /// <summary>The cardholder typed a code at the OTP step; anything not the current code is wrong.</summary>
    /// <returns><see cref="ChallengeOutcome.Passed"/>, <see cref="ChallengeOutcome.WrongCode"/>, or a common outcome.</returns>
    public ChallengeDecision SubmitCode(string challengeId, string tid, ReadOnlySpan<char> code, DateTimeOffset now)
    {
        var at = now.ToUnixTimeMilliseconds();
        if (TrySettle(challengeId, tid, at, out var settled, out var challenge))
        {
            return settled;
        }

        if (challenge.Step != ChallengeStep.Otp)
        {
            return Current(ChallengeOutcome.WrongStep, challenge, at);
        }

        return _codes.Verify(challenge.CodeHash.Span, challenge.ChallengeId, code)
            ? ChallengeDecision.Final(ChallengeOutcome.Passed, challenge.ChallengeId, Closed(challenge, ChallengeCloseReason.Passed, at))
            : Failed(ChallengeOutcome.WrongCode, challenge, at);
    }

    /// <summary>
    /// The cardholder asked for another code at the OTP step. A new code replaces the old and renews
    /// the OTP deadline; the attempts left stay as they were, so resending buys no guesses.
    /// </summary>
    /// <returns><see cref="ChallengeOutcome.CodeToSend"/>, <see cref="ChallengeOutcome.TooSoon"/>, <see cref="ChallengeOutcome.ResendsExhausted"/>, or a common outcome.</returns>
    public ChallengeDecision Resend(string challengeId, string tid, DateTimeOffset now)
    {
        var at = now.ToUnixTimeMilliseconds();
        if (TrySettle(challengeId, tid, at, out var settled, out var challenge))
        {
            return settled;
        }

        if (challenge.Step != ChallengeStep.Otp)
        {
            return Current(ChallengeOutcome.WrongStep, challenge, at);
        }

        if (challenge.Resends >= _settings.MaxResends)
        {
            return Current(ChallengeOutcome.ResendsExhausted, challenge, at);
        }

        var wait = challenge.CodeIssuedAtUnixMs + (long)_settings.ResendCooldown.TotalMilliseconds - at;
        return wait > 0
            ? Current(ChallengeOutcome.TooSoon, challenge, at, retryAfterSeconds: Seconds(wait))
            : IssueCode(challenge, challenge.AttemptsLeft, at);
    }

    /// <summary>
    /// What every step has in common: <see cref="ChallengeOutcome.Unknown"/> (not here, or another
    /// terminal's), how a closed challenge ended, or <see cref="ChallengeOutcome.Expired"/> now.
    /// </summary>
    /// <returns>Whether that settles it; if not, <paramref name="challenge"/> is open and may take the step.</returns>
    private bool TrySettle(string challengeId, string tid, long at, [NotNullWhen(true)] out ChallengeDecision? settled, [NotNullWhen(false)] out ChallengeRecord? challenge)
    {
        ArgumentNullException.ThrowIfNull(challengeId);
        ArgumentNullException.ThrowIfNull(tid);
        challenge = Find(challengeId);
        if (challenge is null || !string.Equals(challenge.Tid, tid, StringComparison.Ordinal))
        {
            settled = ChallengeDecision.Final(ChallengeOutcome.Unknown, challengeId);
            return true;
        }

        settled = challenge.Closed switch
        {
            ChallengeCloseReason.Unspecified when at >= Deadline(challenge) =>
                ChallengeDecision.Final(ChallengeOutcome.Expired, challengeId, Closed(challenge, ChallengeCloseReason.Expired, at)),
            ChallengeCloseReason.Unspecified => null,
            ChallengeCloseReason.Expired => ChallengeDecision.Final(ChallengeOutcome.Expired, challengeId),
            ChallengeCloseReason.Exhausted => ChallengeDecision.Final(ChallengeOutcome.Exhausted, challengeId),
            _ => ChallengeDecision.Final(ChallengeOutcome.Unknown, challengeId),
        };
        return settled is not null;
    }

    private ChallengeDecision IssueCode(ChallengeRecord challenge, int attemptsLeft, long at, params IMessage[] before)
    {
        var code = _codes.Generate();
        var issued = new ChallengeCodeIssued
        {
            ChallengeId = challenge.ChallengeId,
            CodeHash = ByteString.CopyFrom(_codes.Hash(challenge.ChallengeId, code)),
            IssuedAtUnixMs = at,
            ExpiresAtUnixMs = at + (long)_settings.CodeValidity.TotalMilliseconds,
        };
        return ChallengeDecision.Ask(ChallengeOutcome.CodeToSend, challenge.ChallengeId, ChallengeStep.Otp, attemptsLeft, Seconds(_settings.CodeValidity), [.. before, issued], code: code);
    }

    /// <summary>A wrong answer at the current step: one attempt fewer, and at none the challenge is exhausted.</summary>
    private static ChallengeDecision Failed(ChallengeOutcome wrong, ChallengeRecord challenge, long at)
    {
        var failed = new ChallengeAttemptFailed { ChallengeId = challenge.ChallengeId, Step = challenge.Step, AtUnixMs = at };
        var left = challenge.AttemptsLeft - 1;
        return left > 0
            ? ChallengeDecision.Ask(wrong, challenge.ChallengeId, challenge.Step, left, SecondsLeft(challenge, at), [failed])
            : ChallengeDecision.Final(ChallengeOutcome.Exhausted, challenge.ChallengeId, failed, Closed(challenge, ChallengeCloseReason.Exhausted, at));
    }

    /// <summary>An answer that changes nothing: the challenge where it stands.</summary>
    private static ChallengeDecision Current(ChallengeOutcome outcome, ChallengeRecord challenge, long at, int retryAfterSeconds = 0) =>
        ChallengeDecision.Ask(outcome, challenge.ChallengeId, challenge.Step, challenge.AttemptsLeft, SecondsLeft(challenge, at), [], retryAfterSeconds);

    private static ChallengeClosed Closed(ChallengeRecord challenge, ChallengeCloseReason reason, long at) =>
        new() { ChallengeId = challenge.ChallengeId, Reason = reason, AtUnixMs = at };

    private static long Deadline(ChallengeRecord challenge) =>
        challenge.Step == ChallengeStep.Otp ? challenge.CodeExpiresAtUnixMs : challenge.ExpiresAtUnixMs;

    private static int SecondsLeft(ChallengeRecord challenge, long at) => Seconds(Deadline(challenge) - at);

    private static int Seconds(TimeSpan span) => Seconds((long)span.TotalMilliseconds);

    // Rounded up, so a deadline 0.4 s away is "1 s", not an "expires in 0" that is still open.
    private static int Seconds(long milliseconds) => (int)((milliseconds + 999) / 1000);
}
