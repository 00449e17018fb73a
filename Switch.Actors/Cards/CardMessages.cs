using Switch.Actors.Events;
using Switch.Actors.Registry;
using Switch.Actors.Risk;
using Switch.Actors.Serialization;

namespace Switch.Actors.Cards;

/// <summary>
/// Admin → card: bind a phone to the card, sealed at the edge (AES-GCM under the card's token) so
/// the clear number never travels between nodes. Answered <see cref="PhoneBound"/> once durable.
/// </summary>
public sealed record BindPhone(string CardToken, byte[] SealedPhone, bool Consent) : IWithCardToken, IClusterMessage;

public sealed record PhoneBound(string CardToken, bool Consent) : IClusterMessage;

/// <summary>
/// Transaction → card: score this authorization and, when risk or the merchant asks for it, open a
/// challenge. Answered with a <see cref="CardVerdict"/>.
/// </summary>
/// <param name="CardCountry">From the BIN table; null when the BIN is not in it.</param>
/// <param name="Terminal">The requesting terminal's recent activity (terminal velocity).</param>
public sealed record AssessAuthorization(
    string CardToken,
    string Rrn,
    string Tid,
    long AmountMinor,
    Merchant Merchant,
    string? CardCountry,
    TerminalVelocity Terminal,
    DateTimeOffset At) : IWithCardToken, IClusterMessage;

/// <summary>
/// Transaction → card: the cardholder's next step of an open challenge. Answered with a
/// <see cref="CardVerdict"/>; amount and merchant choose the receipt offer once the challenge is passed.
/// </summary>
public sealed record TakeChallengeStep(string CardToken, string ChallengeId, string Tid, ChallengeInput Input, long AmountMinor, Merchant Merchant, DateTimeOffset At) : IWithCardToken, IClusterMessage;

/// <summary>Transaction → card: how an authorization the card was asked about ended, for velocity and the spending profile.</summary>
public sealed record RecordCardUse(string CardToken, CardUsed Use) : IWithCardToken, IClusterMessage;

public enum CardVerdictKind
{
    /// <summary>Go on to routing (risk allowed it, or the challenge was passed).</summary>
    Proceed,

    /// <summary>Answer <see cref="CardVerdict.ResponseCode"/> without sending anything.</summary>
    Decline,

    /// <summary>Answer 1A with <see cref="CardVerdict.Prompt"/>: the cardholder has a step to take.</summary>
    Challenge,
}

/// <summary>Card → transaction: what to do with the request.</summary>
/// <param name="Risk">The risk decision, when this answer made one (not for later challenge steps).</param>
/// <param name="Reason">For the log: why, with nothing of the phone, code or PAN.</param>
/// <param name="Offer">A personalised offer for the receipt if the transaction is approved; only for a card whose binding has consent.</param>
public sealed record CardVerdict(
    CardVerdictKind Kind,
    string ResponseCode,
    string Reason,
    RiskVerdict? Risk = null,
    ChallengePrompt? Prompt = null,
    CardOffer? Offer = null) : IClusterMessage;

/// <summary>The cardholder's next step: the challenge and field 62 of the 1A answer (ST, AL, and at the OTP step MP and EX).</summary>
public sealed record ChallengePrompt(string ChallengeId, byte[] Field62);

/// <summary>An offer printed on the receipt (field 63).</summary>
public sealed record CardOffer(string Id, string Text);
