using System.Globalization;
using Switch.Actors.Events;

namespace Switch.Actors.Terminals;

/// <summary>One total on which the terminal and the switch disagree, as the log names it.</summary>
internal sealed record BatchDifference(int Field, string Name, long Terminal, long Switch)
{
    /// <summary>
    /// Every total that differs, in field order; empty when the batch balances. Field 97 is compared
    /// only when the terminal sent it, and by value: a zero net may carry either sign.
    /// </summary>
    public static IReadOnlyList<BatchDifference> Between(BatchTotals terminal, BatchTotals @switch)
    {
        var differences = new List<BatchDifference>();
        foreach (var counter in BatchTotalsFields.Counters)
        {
            if (counter.Get(terminal) != counter.Get(@switch))
            {
                differences.Add(new BatchDifference(counter.Field, counter.Name, counter.Get(terminal), counter.Get(@switch)));
            }
        }

        if (terminal.NetSettlement.Length > 0)
        {
            var stated = BatchTotalsFields.ParseNet(terminal.NetSettlement);
            var net = BatchTotalsFields.Net(@switch);
            if (stated != net)
            {
                differences.Add(new BatchDifference(BatchTotalsFields.NetSettlement, "net settlement", stated, net));
            }
        }

        return differences;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} ({Field}) terminal {Terminal} switch {Switch}");
}
