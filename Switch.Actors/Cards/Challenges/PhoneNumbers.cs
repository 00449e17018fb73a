namespace Switch.Actors.Cards.Challenges;

/// <summary>
/// Phone numbers as a cardholder types them on a terminal (field 62, tag PN) or an operator posts
/// them to the admin API: an optional leading <c>+</c>, then 6 to 15 ASCII digits (E.164 allows 15;
/// fewer than 6 is no subscriber number anywhere). Anything else, spaces and dashes included, is a
/// format error rather than something to clean up: the terminal answers it as a defined step, and a
/// lenient parser would make two typings of one number compare differently.
/// </summary>
public static class PhoneNumbers
{
    public const int MinDigits = 6;
    public const int MaxDigits = 15;

    /// <param name="normalized">The digits without the <c>+</c>; empty when the input is not a phone number.</param>
    /// <returns>Whether <paramref name="typed"/> is a phone number.</returns>
    public static bool TryNormalize(ReadOnlySpan<char> typed, out string normalized)
    {
        var digits = typed.StartsWith('+') ? typed[1..] : typed;
        if (!IsNormalized(digits))
        {
            normalized = string.Empty;
            return false;
        }

        normalized = digits.ToString();
        return true;
    }

    /// <summary>Whether <paramref name="digits"/> is already what <see cref="TryNormalize"/> returns.</summary>
    public static bool IsNormalized(ReadOnlySpan<char> digits) =>
        digits.Length is >= MinDigits and <= MaxDigits && !digits.ContainsAnyExceptInRange('0', '9');
}
