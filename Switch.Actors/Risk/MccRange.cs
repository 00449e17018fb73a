using System.Globalization;

namespace Switch.Actors.Risk;

/// <summary>One MCC (<c>"5411"</c>) or an inclusive range of them (<c>"3000-3999"</c>).</summary>
public readonly record struct MccRange(int First, int Last)
{
    public const int MaxCode = 9999;

    public int Width => Last - First + 1;

    public static bool TryParse(string text, out MccRange range)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var first = dash < 0 ? text : text[..dash];
        var last = dash < 0 ? text : text[(dash + 1)..];
        range = default;
        if (!TryCode(first, out var from) || !TryCode(last, out var to) || to < from)
        {
            return false;
        }

        range = new MccRange(from, to);
        return true;
    }

    public override string ToString() => First == Last
        ? First.ToString("D4", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{First:D4}-{Last:D4}");

    private static bool TryCode(string text, out int code)
    {
        code = 0;
        return text.Length == 4 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out code);
    }
}
