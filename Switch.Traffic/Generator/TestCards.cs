using System.Globalization;

namespace Switch.Traffic.Generator;

/// <summary>Luhn-valid test card numbers on a test BIN, so traffic spreads over many cards as real traffic does.</summary>
public static class TestCards
{
    public const string Bin = "476173";

    /// <summary>The <paramref name="index"/>th 16-digit test PAN.</summary>
    public static string Pan(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var body = string.Create(CultureInfo.InvariantCulture, $"{Bin}{index:D9}");
        return body + (char)('0' + CheckDigit(body));
    }

    /// <summary>The Luhn check digit to append to <paramref name="body"/>.</summary>
    public static int CheckDigit(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = body[body.Length - 1 - i] - '0';
            // Doubling starts at the digit next to the check digit.
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return (10 - (sum % 10)) % 10;
    }
}
