namespace Switch.Protocol.Masking;

/// <summary>The masked forms that may appear in logs and stores.</summary>
public static class Mask
{
    /// <summary>
    /// A PAN as first 6 / last 4 (the most PCI DSS allows to show). Shorter values show at most the
    /// last 4, and only when at least as many characters stay hidden.
    /// </summary>
    public static string Pan(ReadOnlySpan<char> pan)
    {
        if (pan.Length >= 13)
        {
            return string.Concat(pan[..6], new string('*', pan.Length - 10), pan[^4..]);
        }

        return pan.Length >= 8
            ? string.Concat(new string('*', pan.Length - 4), pan[^4..])
            : new string('*', pan.Length);
    }

    /// <summary>A phone number as its first 3 and last 4 digits (138****5678); short numbers keep only the last 2.</summary>
    public static string Phone(ReadOnlySpan<char> phone)
    {
        if (phone.Length >= 10)
        {
            return string.Concat(phone[..3], new string('*', phone.Length - 7), phone[^4..]);
        }

        return phone.Length > 4
            ? string.Concat(new string('*', phone.Length - 2), phone[^2..])
            : new string('*', phone.Length);
    }
}
