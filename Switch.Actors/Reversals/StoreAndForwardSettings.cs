using Switch.Protocol.Iso8583.Specs;

namespace Switch.Actors.Reversals;

/// <summary>One acquirer's reversal queue.</summary>
/// <param name="Acquirer">The acquirer's name: the queue's persistence id and the link status it follows.</param>
/// <param name="Profile">The link's dialect, in which reversals are built.</param>
/// <param name="RetryMin">Delay before a reversal whose attempt failed is tried again; doubled after each failure of that reversal.</param>
/// <param name="RetryMax">Ceiling of that delay.</param>
/// <param name="MaxInFlight">Reversals awaiting the acquirer at once, so a long queue does not flood an acquirer that is just back.</param>
/// <param name="SnapshotEvery">Events between snapshots of the queue, which keep recovery short.</param>
/// <param name="AnsweredMemory">How long an answered RRN is remembered, so queuing it again sends nothing.</param>
public sealed record StoreAndForwardSettings(
    string Acquirer,
    IsoProfile Profile,
    TimeSpan RetryMin,
    TimeSpan RetryMax,
    int MaxInFlight,
    int SnapshotEvery,
    TimeSpan AnsweredMemory);
