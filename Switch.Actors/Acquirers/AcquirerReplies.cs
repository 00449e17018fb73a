namespace Switch.Actors.Acquirers;

// The replies to SendToAcquirer. A reply's type alone tells whether the request may have reached the
// acquirer, so a handler that forgets a case cannot silently skip a reversal.

/// <summary>The acquirer's answer, matched to the request by <see cref="AcquirerMatchKey"/>.</summary>
/// <param name="Message">The response as received (no length header); the receiver now owns the array.</param>
public sealed record AcquirerResponse(byte[] Message);

/// <summary>Never sent: the link was not up, or its connection refused the bytes. Nothing reached the acquirer.</summary>
public sealed record AcquirerUnavailable(AcquirerMatchKey Key);

/// <summary>Never sent: the request itself cannot be carried. Nothing reached the acquirer.</summary>
public sealed record AcquirerRejected(AcquirerMatchKey Key, AcquirerRejection Reason);

/// <summary>Why a request was <see cref="AcquirerRejected"/>.</summary>
public enum AcquirerRejection
{
    /// <summary>A request with the same key is in flight; its response could not be told apart.</summary>
    DuplicateInFlight,

    /// <summary>Unparseable, a response rather than a request, or without a usable STAN or TID.</summary>
    Malformed,
}

/// <summary>Sent, and unanswered within the link's timeout: the outcome is unknown. A later response is only counted as late.</summary>
public sealed record AcquirerTimedOut(AcquirerMatchKey Key);

/// <summary>Sent, and the connection was lost before the answer: the outcome is unknown.</summary>
public sealed record AcquirerLinkLost(AcquirerMatchKey Key);
