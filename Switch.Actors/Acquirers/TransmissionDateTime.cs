namespace Switch.Actors.Acquirers;

/// <summary>Field 7 (n10, MMDDhhmmss) of a message the switch originates toward an acquirer.</summary>
internal static class TransmissionDateTime
{
    /// <summary>
    /// <paramref name="now"/> in GMT, as the standard has it, as a number that the writer zero-fills
    /// to the field's ten digits.
    /// </summary>
    public static long Of(DateTimeOffset now)
    {
        var t = now.UtcDateTime;
        return (t.Month * 100_000_000L) + (t.Day * 1_000_000L) + (t.Hour * 10_000L) + (t.Minute * 100L) + t.Second;
    }
}
