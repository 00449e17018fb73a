namespace Switch.Actors.Cards.Challenges;

/// <summary>
/// How a challenge decision came out. Those that ask the cardholder again (answered 1A, field 62
/// built by <see cref="ChallengeReply"/>) have a <see cref="ChallengeDecision.Step"/>; the rest end
/// the challenge, or never had one, and are answered with a response code the caller chooses.
/// </summary>
public enum ChallengeOutcome
{
    /// <summary>Opened at the PHONE step: 1A, ST=PHONE, AL.</summary>
    Opened,

    /// <summary>The card had its most challenges of the hour: no challenge is opened (75).</summary>
    CapReached,

    /// <summary>No phone is bound and the policy is <see cref="UnboundCardPolicy.Decline"/>: no challenge (05).</summary>
    NoPhone,

    /// <summary>
    /// The phone was right, or a resend was granted: text <see cref="ChallengeDecision.Code"/> to the
    /// bound phone, then 1A, ST=OTP, MP, AL, EX. Every earlier code of the challenge is now wrong.
    /// </summary>
    CodeToSend,

    /// <summary>Not the bound phone, attempts remain: 1A, ST=PHONE, AL.</summary>
    WrongPhone,

    /// <summary>Not the code, attempts remain: 1A, ST=OTP, MP, AL, EX.</summary>
    WrongCode,

    /// <summary>The right code: the transaction goes on to routing.</summary>
    Passed,

    /// <summary>The last attempt of a step was wrong, now or before (75).</summary>
    Exhausted,

    /// <summary>The step's deadline passed, now or before.</summary>
    Expired,

    /// <summary>No such challenge open on this card for this terminal: never opened, another terminal's, passed or superseded, alike.</summary>
    Unknown,

    /// <summary>A phone at the OTP step, or a code or resend at the PHONE step: nothing changes; 1A with the current step.</summary>
    WrongStep,

    /// <summary>A resend within the cool-down: nothing changes; 1A, ST=OTP, with <see cref="ChallengeDecision.RetryAfterSeconds"/>.</summary>
    TooSoon,

    /// <summary>A resend when all were used: nothing changes, the current code stays valid; 1A, ST=OTP.</summary>
    ResendsExhausted,
}
