using Switch.Actors.Events;
using Switch.Actors.Serialization;

namespace Switch.Actors.Reversals;

/// <summary>
/// Asks an acquirer's <see cref="StoreAndForwardActor"/> to reverse a transaction that may have
/// reached the acquirer. The sender hears <see cref="ReversalAccepted"/> once the reversal is durable
/// (at once when the RRN is already queued or recently answered), or <see cref="ReversalRefused"/>.
/// </summary>
/// <param name="Original">The transaction's write-ahead event: it holds everything the reversal is built from.</param>
public sealed record QueueReversal(TransactionStarted Original) : IClusterMessage;

/// <summary>The reversal of <paramref name="Rrn"/> is journaled: it will be sent, and repeated, until the acquirer answers.</summary>
public sealed record ReversalAccepted(string Rrn) : IClusterMessage;

/// <summary>
/// Nothing was queued: the original names another acquirer, or lacks what a reversal message needs
/// in the link's profile. A defect, not a condition to retry.
/// </summary>
public sealed record ReversalRefused(string Rrn, string Reason) : IClusterMessage;

/// <summary>A reversal's backoff has passed: both the timer's key and its message.</summary>
internal sealed record RetryDue(string Rrn);
