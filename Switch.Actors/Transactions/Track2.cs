namespace Switch.Actors.Transactions;

/// <summary>Track 2 equivalent data (field 35): PAN, separator ('=' or 'D'), YYMM expiry, service code, discretionary data.</summary>
internal static class Track2
{
    /// <summary>ISO/IEC 7813's maximum without sentinels, and field 35's maximum.</summary>
    public const int MaxLength = 37;

    /// <summary>
    /// Splits at the separator. <paramref name="expiry"/> is the four characters after it, or fewer
    /// when the track is cut short, so the expiry rule (not this one) reports it.
    /// </summary>
    public static bool TrySplit(ReadOnlySpan<byte> track, out ReadOnlySpan<byte> pan, out ReadOnlySpan<byte> expiry)
    {
        var separator = track.IndexOfAny((byte)'=', (byte)'D');
        if (separator < 0)
        {
            pan = default;
            expiry = default;
            return false;
        }

        pan = track[..separator];
        var rest = track[(separator + 1)..];
        expiry = rest.Length > 4 ? rest[..4] : rest;
        return true;
    }
}
