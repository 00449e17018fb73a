using Switch.Actors.Events;
using Switch.Actors.Registry;
using Switch.Actors.Risk;

namespace Switch.Actors.Terminals;

/// <summary>
/// Terminal → its transaction child: authorize this validated request. The terminal keeps the
/// connection and TPDU; the child orchestrates (risk, challenge, routing, acquirer) and the terminal,
/// the entity's one journal, persists on its behalf.
/// </summary>
/// <param name="Terminal">The terminal's recent activity, for risk.</param>
/// <param name="ChallengeId">
/// Set when the request is the cardholder's next step of an open challenge (field 62, tag CI): the
/// child takes the step instead of scoring the card again, under the challenge's RRN.
/// </param>
public sealed record AuthorizeTransaction(byte[] Request, Merchant Merchant, string Rrn, string PanToken, string MaskedPan, DateTimeOffset ReceivedAt, TerminalVelocity Terminal, string? ChallengeId = null);

/// <summary>Child → terminal: make this write-ahead record durable before the request leaves.</summary>
public sealed record JournalStarted(TransactionStarted Event);

/// <summary>Terminal → child: the write-ahead record is durable; send.</summary>
public sealed record StartedJournaled(TransactionStarted Event);

/// <summary>Child → terminal: persist the outcome, then answer the terminal with <paramref name="Reply"/>; the child is done.</summary>
public sealed record FinishTransaction(TransactionCompleted Event, byte[] Reply);

/// <summary>
/// Child → terminal: answer the request in flight with <paramref name="Reply"/> (1A, a step of the
/// cardholder challenge); the child is done. The terminal journals <paramref name="Event"/> the
/// first time, so later requests naming its challenge id in field 62 (tag CI) continue the
/// transaction under its RRN, also after a restart.
/// </summary>
public sealed record AwaitChallenge(ChallengeAwaited Event, byte[] Reply);
