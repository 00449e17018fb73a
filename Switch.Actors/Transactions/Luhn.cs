namespace Switch.Actors.Transactions;

/// <summary>The Luhn (mod 10) check that every card number's last digit satisfies (ISO/IEC 7812-1).</summary>
public static class Luhn
{
    /// <summary>Whether <paramref name="asciiDigits"/> are ASCII digits whose last is a correct check digit; false when empty.</summary>
    public static bool IsValid(ReadOnlySpan<byte> asciiDigits) =>
        !asciiDigits.IsEmpty && TrySum(asciiDigits, doubleRightmost: false, out var sum) && sum % 10 == 0;

    /// <summary>The ASCII check digit that makes <paramref name="payload"/> followed by it valid.</summary>
    public static byte CheckDigit(ReadOnlySpan<byte> payload)
    {
        if (!TrySum(payload, doubleRightmost: true, out var sum))
        {
            throw new ArgumentException("payload must be ASCII digits", nameof(payload));
        }

        return (byte)('0' + ((10 - (sum % 10)) % 10));
    }

    // Digits are doubled from the right, every second one; where that starts depends on whether the
    // check digit is already there.
    private static bool TrySum(ReadOnlySpan<byte> digits, bool doubleRightmost, out int sum)
    {
        sum = 0;
        var doubled = doubleRightmost;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return true;
    }
}
