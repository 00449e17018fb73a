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
