namespace Switch.Traffic.Sms;

/// <summary>Finds the one-time code in an SMS text, as a person reading it would.</summary>
internal static class OneTimeCode
{
    public const int MinDigits = 4;
    public const int MaxDigits = 9;

    /// <summary>
    /// The longest run of 4 to 9 ASCII digits (the code lengths the switch allows), the first of
    /// equally long ones. Longest, not first: a text may also carry a card's or phone's last 4
    /// digits, and codes are 6 digits by default.
    /// </summary>
    public static bool TryFind(string text, out string code)
    {
        code = string.Empty;
        var best = (Start: 0, Length: 0);
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var length = i - start;
            if (length is >= MinDigits and <= MaxDigits && length > best.Length)
            {
                best = (start, length);
            }
        }

        if (best.Length == 0)
        {
            return false;
        }

        code = text.Substring(best.Start, best.Length);
        return true;
    }
}
