namespace Switch.Actors.Transactions;

/// <summary>A card's YYMM expiry (field 14, or the four digits after track 2's separator) against the clock.</summary>
internal static class CardExpiry
{
    /// <summary>
    /// A card is good through the last day of its expiry month, so it is expired only once
    /// <paramref name="now"/>'s month is past it. The month is read in <paramref name="now"/>'s own
    /// offset: at a month's end the switch's clock and the cardholder's may disagree by a day, and the
    /// issuer, which checks expiry again, has the final word.
    /// </summary>
    public static ExpiryStatus Check(ReadOnlySpan<byte> yymm, DateTimeOffset now)
    {
        if (yymm.Length != 4 || yymm.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return ExpiryStatus.Malformed;
        }

        var month = ((yymm[2] - '0') * 10) + (yymm[3] - '0');
        if (month is < 1 or > 12)
        {
            return ExpiryStatus.Malformed;
        }

        var year = Year(((yymm[0] - '0') * 10) + (yymm[1] - '0'), now.Year);
        return (year, month).CompareTo((now.Year, now.Month)) >= 0 ? ExpiryStatus.Valid : ExpiryStatus.Expired;
    }

    // Two-digit years are read in the century that puts them within 50 years of now, so "99" in 2026 is
    // 1999 (long expired), not 2099, and "01" in 2099 is 2101.
    private static int Year(int yy, int currentYear)
    {
        var year = currentYear - (currentYear % 100) + yy;
        if (year > currentYear + 50)
        {
            return year - 100;
        }

        return year < currentYear - 50 ? year + 100 : year;
    }
}
