using System.Globalization;

namespace Switch.Host.Admin;

/// <summary>Instants as the fee endpoints read and write them: ISO 8601 with Z or an offset, shown in UTC.</summary>
public static class FeeInstants
{
    /// <summary>
    /// An ISO 8601 date-time naming its zone (<c>2026-12-01T00:00:00Z</c>, <c>...+08:00</c>); one
    /// without is refused rather than guessed, since a rate change or a statement's bounds would move
    /// by the guess.
    /// </summary>
    public static string? TryRead(string field, string text, out DateTimeOffset instant)
    {
        instant = default;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) || parsed.Kind == DateTimeKind.Unspecified)
        {
            return $"{field}: '{text}' is not an ISO 8601 date-time with Z or an offset, such as 2026-12-01T00:00:00Z";
        }

        instant = new DateTimeOffset(parsed.ToUniversalTime(), TimeSpan.Zero);
        return null;
    }

    /// <summary>As JSON shows it: a UTC <see cref="DateTime"/> is written with a Z.</summary>
    public static DateTime Utc(DateTimeOffset instant) => instant.UtcDateTime;
}
