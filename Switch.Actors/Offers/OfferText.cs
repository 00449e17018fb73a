namespace Switch.Actors.Offers;

/// <summary>What a receipt message may hold: field 63 is LLLVAR, so at most 999 characters, and printable ASCII, which every terminal can print.</summary>
public static class OfferText
{
    public const int MaxLength = 999;

    /// <summary>Why the text cannot go in field 63, or null when it can.</summary>
    public static string? Problem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return "must not be empty";
        }

        if (text.Length > MaxLength)
        {
            return $"is {text.Length} characters; field 63 holds at most {MaxLength}";
        }

        var bad = text.AsSpan().IndexOfAnyExceptInRange(' ', '~');
        return bad < 0 ? null : $"has a character at {bad + 1} that is not printable ASCII; field 63 carries only those";
    }
}
