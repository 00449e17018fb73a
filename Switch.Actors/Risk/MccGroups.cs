namespace Switch.Actors.Risk;

/// <summary>
/// Every MCC's group and risk class, looked up by table (one byte per code, 0000-9999) because it
/// runs per authorization. Configured as lists of codes and ranges; where entries overlap the
/// narrower one wins, so a single code can be carved out of a range (5411 grocery inside the retail
/// range 5200-5999). Two entries of the same width that disagree are a configuration error.
/// </summary>
public sealed class MccGroups
{
    private readonly byte[] _groups;
    private readonly byte[] _risk;

    /// <exception cref="ArgumentException">Two entries of the same width put a code in different groups or classes.</exception>
    public MccGroups(IEnumerable<KeyValuePair<MccGroup, MccRange>> groups, IEnumerable<KeyValuePair<MccRiskClass, MccRange>> risk)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(risk);
        _groups = Paint(groups.Select(e => (e.Value, (byte)e.Key, e.Key.ToString().ToLowerInvariant())), "group");
        _risk = Paint(risk.Select(e => (e.Value, (byte)e.Key, e.Key.ToString().ToLowerInvariant())), "risk class");
    }

    /// <summary>The group of an MCC; <see cref="MccGroup.Other"/> for codes not listed and for anything not four digits.</summary>
    public MccGroup Group(string mcc) => TryCode(mcc, out var code) ? (MccGroup)_groups[code] : MccGroup.Other;

    /// <summary>The risk class of an MCC; <see cref="MccRiskClass.Low"/> for codes not listed.</summary>
    public MccRiskClass RiskClass(string mcc) => TryCode(mcc, out var code) ? (MccRiskClass)_risk[code] : MccRiskClass.Low;

    private static byte[] Paint(IEnumerable<(MccRange Range, byte Value, string Name)> entries, string what)
    {
        var table = new byte[MccRange.MaxCode + 1];
        var paintedBy = new (int Width, string Name)[MccRange.MaxCode + 1];
        // Widest first, so each narrower entry paints over the ranges it sits in.
        foreach (var (range, value, name) in entries.OrderByDescending(e => e.Range.Width))
        {
            for (var code = range.First; code <= range.Last; code++)
            {
                var previous = paintedBy[code];
                if (previous.Width == range.Width && table[code] != value)
                {
                    throw new ArgumentException($"MCC {code:D4} is in {what} {previous.Name} and {name}: list it in only one, or as a narrower range");
                }

                table[code] = value;
                paintedBy[code] = (range.Width, name);
            }
        }

        return table;
    }

    private static bool TryCode(string mcc, out int code)
    {
        code = 0;
        if (mcc is not { Length: 4 })
        {
            return false;
        }

        foreach (var c in mcc)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            code = (code * 10) + (c - '0');
        }

        return true;
    }
}
