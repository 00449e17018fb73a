namespace Switch.Actors.Routing;

/// <summary>
/// Card numbers a rule covers by their leading digits: a prefix (<c>"62"</c>), or an inclusive range
/// of equally long prefixes (<c>"40000000-49999999"</c>). At most 8 digits: routing sees no more of
/// a PAN (see <see cref="RouteRequest.Bin"/>).
/// </summary>
public sealed record BinRange
{
    public const int MaxDigits = 8;

    private BinRange(string first, string last)
    {
        First = first;
        Last = last;
    }

    public string First { get; }

    public string Last { get; }

    /// <summary>Parses <c>"4761"</c> or <c>"400000-499999"</c> (both ends of one length, the first not above the last).</summary>
    public static bool TryParse(string text, out BinRange range)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var first = dash < 0 ? text : text[..dash];
        var last = dash < 0 ? text : text[(dash + 1)..];
        range = null!;
        if (!IsDigits(first) || !IsDigits(last) || first.Length != last.Length || string.CompareOrdinal(first, last) > 0)
        {
            return false;
        }

        range = new BinRange(first, last);
        return true;
    }

    /// <summary>Whether the card's leading digits fall in the range; a BIN shorter than the range never does.</summary>
    public bool Contains(string bin)
    {
        ArgumentNullException.ThrowIfNull(bin);
        if (bin.Length < First.Length)
        {
            return false;
        }

        // Equal lengths of digits: ordinal order is numeric order.
        var head = bin.AsSpan(0, First.Length);
        return head.SequenceCompareTo(First) >= 0 && head.SequenceCompareTo(Last) <= 0;
    }

    public override string ToString() => First == Last ? First : $"{First}-{Last}";

    private static bool IsDigits(string text) => text.Length is > 0 and <= MaxDigits && text.All(char.IsAsciiDigit);
}
