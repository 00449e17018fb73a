namespace Switch.Actors.Risk;

/// <summary>
/// Card country and scheme by the longest configured prefix of a card number. It is handed the
/// number's leading digits only as a span and looks them up without making a string of them, so no
/// part of a PAN is kept or can reach a log from here.
/// </summary>
public sealed class BinTable
{
    /// <summary>Longer prefixes than this (an 11-digit BIN range) are never needed to tell issuers apart.</summary>
    public const int MaxPrefixLength = 11;

    private readonly Dictionary<string, BinEntry>.AlternateLookup<ReadOnlySpan<char>> _byPrefix;
    private readonly int[] _lengthsLongestFirst;

    /// <exception cref="ArgumentException">A prefix is not 1 to 11 digits or appears twice.</exception>
    public BinTable(IEnumerable<BinEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var byPrefix = new Dictionary<string, BinEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!IsPrefix(entry.Prefix))
            {
                throw new ArgumentException($"BIN prefix '{entry.Prefix}' must be 1 to {MaxPrefixLength} digits", nameof(entries));
            }

            if (!byPrefix.TryAdd(entry.Prefix, entry))
            {
                throw new ArgumentException($"BIN prefix '{entry.Prefix}' appears more than once", nameof(entries));
            }
        }

        _byPrefix = byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        _lengthsLongestFirst = [.. byPrefix.Keys.Select(p => p.Length).Distinct().OrderDescending()];
    }

    public static BinTable Empty { get; } = new([]);

    public static bool IsPrefix(string? prefix) => prefix is { Length: > 0 and <= MaxPrefixLength } && prefix.All(char.IsAsciiDigit);

    /// <summary>The entry with the longest prefix the number starts with, or null.</summary>
    /// <param name="leadingDigits">The card number, or at least its first <see cref="MaxPrefixLength"/> digits.</param>
    public BinEntry? Lookup(ReadOnlySpan<char> leadingDigits)
    {
        foreach (var length in _lengthsLongestFirst)
        {
            if (length <= leadingDigits.Length && _byPrefix.TryGetValue(leadingDigits[..length], out var entry))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>As <see cref="Lookup(ReadOnlySpan{char})"/>, for the ASCII digits of field 2 as they arrive.</summary>
    public BinEntry? Lookup(ReadOnlySpan<byte> leadingAsciiDigits)
    {
        Span<char> digits = stackalloc char[MaxPrefixLength];
        var length = Math.Min(leadingAsciiDigits.Length, MaxPrefixLength);
        for (var i = 0; i < length; i++)
        {
            digits[i] = (char)leadingAsciiDigits[i];
        }

        var entry = Lookup(digits[..length]);
        digits.Clear();
        return entry;
    }
}
