using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Switch.Actors.Fees;

/// <summary>
/// A fee rate as a whole number of parts per million of the amount (1 = 0.0001%): fine enough to say
/// 0.55%, 0.60% and 0.38% exactly (5500, 6000, 3800) and a quarter basis point besides, and an int,
/// so no rate is ever a float. Written and read as a percentage with up to 4 decimals: <c>0.60%</c>.
/// </summary>
public readonly record struct FeeRate
{
    /// <summary>100%: a fee never exceeds the amount it is charged on (fixed fees aside).</summary>
    public const int MaxPartsPerMillion = 1_000_000;

    /// <summary>Parts per million in one percent, and so the digits a percentage may have after the point (4).</summary>
    private const int PartsPerPercent = 10_000;
    private const int MaxDecimals = 4;

    public FeeRate(int partsPerMillion)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partsPerMillion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partsPerMillion, MaxPartsPerMillion);
        PartsPerMillion = partsPerMillion;
    }

    public static FeeRate Zero => default;

    public int PartsPerMillion { get; }

    /// <summary>From basis points (hundredths of a percent), as acquirer costs are often quoted: 55 is 0.55%.</summary>
    public static FeeRate FromBasisPoints(int basisPoints) => new(checked(basisPoints * 100));

    /// <summary>
    /// Reads a percentage such as <c>0.60%</c> or <c>0.6025%</c>: digits, at most 4 of them after the
    /// point, and the percent sign, which is required so that 0.6 is never taken for 60%. The
    /// problem, when there is one, is worded to follow a field name (<c>cardRate: </c>).
    /// </summary>
    public static bool TryParse(string text, out FeeRate rate, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        rate = default;
        problem = null;
        if (text.StartsWith('-'))
        {
            problem = $"'{text}' is negative; a rate is 0% or more";
            return false;
        }

        var body = text.EndsWith('%') ? text.AsSpan(0, text.Length - 1) : [];
        var point = body.IndexOf('.');
        var whole = point < 0 ? body : body[..point];
        var fraction = point < 0 ? [] : body[(point + 1)..];
        if (whole.IsEmpty || whole.Length > 3 || !AllDigits(whole) || (point >= 0 && (fraction.IsEmpty || !AllDigits(fraction))))
        {
            problem = $"'{text}' is not a percentage such as 0.60%";
            return false;
        }

        if (fraction.Length > MaxDecimals)
        {
            problem = $"'{text}' has more than {MaxDecimals} decimals; the finest rate is 0.0001%";
            return false;
        }

        var parts = (int.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture) * PartsPerPercent)
            + (fraction.IsEmpty ? 0 : int.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture) * Pow10(MaxDecimals - fraction.Length));
        if (parts > MaxPartsPerMillion)
        {
            problem = $"'{text}' is above 100%";
            return false;
        }

        rate = new FeeRate(parts);
        return true;
    }

    /// <summary>The rate as a percentage with 2 to 4 decimals: <c>0.60%</c>, <c>0.6025%</c>, <c>1.00%</c>.</summary>
    public override string ToString()
    {
        var decimals = (PartsPerMillion % PartsPerPercent).ToString("D4", CultureInfo.InvariantCulture).TrimEnd('0').PadRight(2, '0');
        return string.Create(CultureInfo.InvariantCulture, $"{PartsPerMillion / PartsPerPercent}.{decimals}%");
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Pow10(int exponent) => exponent switch
    {
        0 => 1,
        1 => 10,
        2 => 100,
        _ => 1000,
    };
}
