namespace Switch.Actors.Transactions;

/// <summary>
/// The field 39 codes the terminal port answers with (DESIGN.md, terminal port). Constants rather than
/// an enum because the wire value is the two characters, and "1A" is not a number.
/// </summary>
public static class ResponseCodes
{
    /// <summary>Approved.</summary>
    public const string Approved = "00";

    /// <summary>Do not honour: a decline with no more specific reason (also: challenge needed but no phone bound).</summary>
    public const string DoNotHonour = "05";

    /// <summary>Additional cardholder authentication required: a phone or one-time-code challenge step (field 62).</summary>
    public const string AdditionalAuthenticationRequired = "1A";

    /// <summary>Invalid transaction: a message type or processing code this switch does not authorize.</summary>
    public const string InvalidTransaction = "12";

    /// <summary>Invalid amount: zero, or above the configured maximum.</summary>
    public const string InvalidAmount = "13";

    /// <summary>Invalid card number: wrong length, failed Luhn, or field 2 and track 2 disagree.</summary>
    public const string InvalidCardNumber = "14";

    /// <summary>Unable to locate original: a reversal names a transaction the terminal does not remember.</summary>
    public const string UnableToLocateOriginal = "25";

    /// <summary>Format error: a required field is absent or a value is malformed.</summary>
    public const string FormatError = "30";

    /// <summary>Insufficient funds, as the acquirer answered.</summary>
    public const string InsufficientFunds = "51";

    /// <summary>Expired card, or an expiry date that cannot be a real month.</summary>
    public const string ExpiredCard = "54";

    /// <summary>Not permitted to terminal: unknown or signed-off terminal, or an MCC mismatch.</summary>
    public const string NotPermittedToTerminal = "58";

    /// <summary>Suspected fraud: the risk engine declined.</summary>
    public const string SuspectedFraud = "59";

    /// <summary>Security violation.</summary>
    public const string SecurityViolation = "63";

    /// <summary>Response received too late: the acquirer timed out and a reversal was queued.</summary>
    public const string ResponseReceivedTooLate = "68";

    /// <summary>Challenge attempts exhausted (phone or one-time code).</summary>
    public const string ChallengeAttemptsExhausted = "75";

    /// <summary>Acquirer unavailable: no link could take the request.</summary>
    public const string AcquirerUnavailable = "91";

    /// <summary>Duplicate transmission: a recent request's TID and STAN reused for a request that is not an exact retransmission of it.</summary>
    public const string DuplicateTransmission = "94";

    /// <summary>Reconcile error: batch totals (0500) do not match the switch's.</summary>
    public const string ReconcileError = "95";

    /// <summary>System malfunction.</summary>
    public const string SystemMalfunction = "96";
}
