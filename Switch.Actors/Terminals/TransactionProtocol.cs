using Switch.Actors.Events;
using Switch.Actors.Registry;

namespace Switch.Actors.Terminals;

/// <summary>
/// Terminal → its transaction child: authorize this validated request. The terminal keeps the
/// connection and TPDU; the child orchestrates (risk, challenge, routing, acquirer) and the terminal,
/// the entity's one journal, persists on its behalf.
/// </summary>
public sealed record AuthorizeTransaction(byte[] Request, Merchant Merchant, string Rrn, string PanToken, string MaskedPan, DateTimeOffset ReceivedAt);

/// <summary>Child → terminal: make this write-ahead record durable before the request leaves.</summary>
public sealed record JournalStarted(TransactionStarted Event);

/// <summary>Terminal → child: the write-ahead record is durable; send.</summary>
public sealed record StartedJournaled(TransactionStarted Event);

/// <summary>Child → terminal: persist the outcome, then answer the terminal with <paramref name="Reply"/>; the child is done.</summary>
public sealed record FinishTransaction(TransactionCompleted Event, byte[] Reply);

/// <summary>
/// Child → terminal: answer the request in flight with <paramref name="Reply"/> (1A, a step of the
/// cardholder challenge) and keep me: later requests carrying <paramref name="ChallengeId"/> in field
/// 62 (tag CI) continue this transaction instead of starting one.
/// </summary>
public sealed record AwaitChallenge(string ChallengeId, byte[] Reply);

/// <summary>Terminal → child: the terminal's next request of this transaction (a new STAN), carrying its challenge id.</summary>
public sealed record ContinueTransaction(byte[] Request, DateTimeOffset ReceivedAt);
