using Google.Protobuf;
using Switch.Actors.Events;

namespace Switch.Actors.Cards.Challenges;

/// <summary>
/// A decision of <see cref="CardChallenges"/>: the events to journal (then apply, in order), and the
/// answer for the terminal. Its string form never holds the code.
/// </summary>
public sealed class ChallengeDecision
{
    private ChallengeDecision(ChallengeOutcome outcome, string challengeId, IReadOnlyList<IMessage> events, ChallengeStep step, int attemptsLeft, int expiresInSeconds, int retryAfterSeconds, string? code)
    {
        Outcome = outcome;
        ChallengeId = challengeId;
        Events = events;
        Step = step;
        AttemptsLeft = attemptsLeft;
        ExpiresInSeconds = expiresInSeconds;
        RetryAfterSeconds = retryAfterSeconds;
        Code = code;
    }

    public ChallengeOutcome Outcome { get; }

    /// <summary>Tag CI: the challenge decided on (for <see cref="ChallengeOutcome.Unknown"/>, the id the terminal sent).</summary>
    public string ChallengeId { get; }

    /// <summary>To journal before anything is answered or texted; empty when nothing changed.</summary>
    public IReadOnlyList<IMessage> Events { get; }

    /// <summary>Tag ST: the step the cardholder is asked for next; unspecified when none is.</summary>
    public ChallengeStep Step { get; }

    /// <summary>Tag AL: attempts left at <see cref="Step"/>.</summary>
    public int AttemptsLeft { get; }

    /// <summary>Tag EX: whole seconds, rounded up, until <see cref="Step"/>'s deadline.</summary>
    public int ExpiresInSeconds { get; }

    /// <summary>For <see cref="ChallengeOutcome.TooSoon"/>: whole seconds, rounded up, until a resend is allowed.</summary>
    public int RetryAfterSeconds { get; }

    /// <summary>
    /// For <see cref="ChallengeOutcome.CodeToSend"/> only: the code in clear, for the SMS and nothing
    /// else. It is given here once; the journal has only its keyed hash.
    /// </summary>
    public string? Code { get; }

    /// <summary>Whether the terminal is answered 1A with field 62 (<see cref="ChallengeReply"/>).</summary>
    public bool AsksCardholder => Step != ChallengeStep.Unspecified;

    public override string ToString() => AsksCardholder
        ? $"{Outcome} (challenge {ChallengeId}, step {Step}, {AttemptsLeft} attempts left, expires in {ExpiresInSeconds} s)"
        : $"{Outcome} (challenge {ChallengeId})";

    internal static ChallengeDecision Final(ChallengeOutcome outcome, string challengeId, params IMessage[] events) =>
        new(outcome, challengeId, events, ChallengeStep.Unspecified, 0, 0, 0, null);

    internal static ChallengeDecision Ask(ChallengeOutcome outcome, string challengeId, ChallengeStep step, int attemptsLeft, int expiresInSeconds, IMessage[] events, int retryAfterSeconds = 0, string? code = null) =>
        new(outcome, challengeId, events, step, attemptsLeft, expiresInSeconds, retryAfterSeconds, code);
}
