namespace Switch.Actors.Transactions;

internal enum ExpiryStatus
{
    Valid,
    Expired,

    /// <summary>Not four digits, or a month outside 01–12.</summary>
    Malformed,
}
