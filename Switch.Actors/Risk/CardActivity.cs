using System.Buffers;
using Switch.Actors.Events;

namespace Switch.Actors.Risk;

/// <summary>
/// A card's history as its entity keeps and journals it: the uses of the last 24 hours (velocity,
/// declines, card testing), approved spend per day and MCC for 90 days (the spending profile), and
/// the merchants where it was recently approved. Every part is bounded, so a card hammered by a
/// fraudster costs no more memory than <see cref="MaxRecentUses"/> uses. Time comes only from the
/// uses recorded and the <c>now</c> each query is given.
/// </summary>
public sealed class CardActivity
{
    /// <summary>Uses kept for velocity; a burst beyond this counts as this many.</summary>
    public const int MaxRecentUses = 256;

    public const int MaxMerchants = 128;

    public const int ProfileDays = 90;

    /// <summary>Day-and-MCC spend entries; past this the oldest go first.</summary>
    public const int MaxSpendEntries = 1024;

    public static readonly TimeSpan RecentWindow = TimeSpan.FromHours(24);

    private const long MillisPerDay = 86_400_000;

    private static readonly int GroupCount = Enum.GetValues<MccGroup>().Length;

    private readonly Queue<RecentUse> _recent = new();
    private readonly Dictionary<string, long> _merchants = new(StringComparer.Ordinal);
    private readonly Dictionary<SpendKey, ActivityTotals> _spend = [];
    private int _latestDay = int.MinValue;

    /// <summary>Adds a use and forgets what is past every window or over a bound.</summary>
    public void Record(CardUsed use)
    {
        ArgumentNullException.ThrowIfNull(use);
        _recent.Enqueue(new RecentUse(use.AtUnixMs, use.AmountMinor, use.Mid, use.Approved, use.DeclinedByRisk));
        var oldestKept = use.AtUnixMs - (long)RecentWindow.TotalMilliseconds;
        while (_recent.Count > MaxRecentUses || _recent.Peek().AtUnixMs < oldestKept)
        {
            _recent.Dequeue();
        }

        // Only approved uses make a merchant familiar or count as spend: a fraudster's declined
        // attempts must not teach the profile anything.
        if (use.Approved)
        {
            SeeMerchant(use.Mid, use.AtUnixMs);
            AddSpend(new SpendKey(Day(use.AtUnixMs), use.Mcc), new ActivityTotals(1, use.AmountMinor));
        }
    }

    /// <summary>Uses (approved or not) in the window before <paramref name="now"/>.</summary>
    public ActivityTotals Totals(TimeSpan window, DateTimeOffset now)
    {
        var since = Since(window, now);
        var totals = default(ActivityTotals);
        foreach (var use in _recent)
        {
            if (use.AtUnixMs > since)
            {
                totals = totals.Add(use.AmountMinor);
            }
        }

        return totals;
    }

    /// <summary>Declined uses in the window, for any reason (acquirer, validation or risk).</summary>
    public int Declines(TimeSpan window, DateTimeOffset now) => CountRecent(window, now, use => !use.Approved);

    /// <summary>Uses the risk engine declined in the window.</summary>
    public int RiskDeclines(TimeSpan window, DateTimeOffset now) => CountRecent(window, now, use => use.DeclinedByRisk);

    /// <summary>Uses of at most <paramref name="maxAmountMinor"/> in the window and how many merchants they were spread over.</summary>
    public SmallAmounts SmallAmounts(TimeSpan window, long maxAmountMinor, string mid, DateTimeOffset now)
    {
        var since = Since(window, now);
        var mids = ArrayPool<string>.Shared.Rent(MaxRecentUses);
        try
        {
            var count = 0;
            var atMerchant = false;
            foreach (var use in _recent)
            {
                if (use.AtUnixMs > since && use.AmountMinor <= maxAmountMinor)
                {
                    mids[count++] = use.Mid;
                    atMerchant |= string.Equals(use.Mid, mid, StringComparison.Ordinal);
                }
            }

            Array.Sort(mids, 0, count, StringComparer.Ordinal);
            var merchants = 0;
            for (var i = 0; i < count; i++)
            {
                if (i == 0 || !string.Equals(mids[i], mids[i - 1], StringComparison.Ordinal))
                {
                    merchants++;
                }
            }

            return new SmallAmounts(count, merchants, atMerchant);
        }
        finally
        {
            ArrayPool<string>.Shared.Return(mids, clearArray: true);
        }
    }

    /// <summary>Approved spend per group over the last <paramref name="days"/> UTC days, today included.</summary>
    public SpendProfile Spend(int days, MccGroups groups, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, ProfileDays);
        ArgumentNullException.ThrowIfNull(groups);
        var today = Day(now.ToUnixTimeMilliseconds());
        var byGroup = new ActivityTotals[GroupCount];
        foreach (var (key, totals) in _spend)
        {
            if (key.Day > today - days && key.Day <= today)
            {
                var group = (int)groups.Group(key.Mcc);
                byGroup[group] = byGroup[group].Add(totals);
            }
        }

        return new SpendProfile(byGroup);
    }

    /// <summary>Whether the card was approved at the merchant before (among the last <see cref="MaxMerchants"/> it used).</summary>
    public bool HasUsedMerchant(string mid) => _merchants.ContainsKey(mid);

    public CardActivitySnapshot ToSnapshot()
    {
        var snapshot = new CardActivitySnapshot();
        snapshot.Recent.AddRange(_recent.Select(use => new CardUsed
        {
            AtUnixMs = use.AtUnixMs,
            AmountMinor = use.AmountMinor,
            Mid = use.Mid,
            Approved = use.Approved,
            DeclinedByRisk = use.DeclinedByRisk,
        }));
        snapshot.Spend.AddRange(_spend.Select(e => new DailySpend { Day = e.Key.Day, Mcc = e.Key.Mcc, SumMinor = e.Value.SumMinor, Count = e.Value.Count }));
        snapshot.Merchants.AddRange(_merchants.Select(e => new SeenMerchant { Mid = e.Key, LastAtUnixMs = e.Value }));
        return snapshot;
    }

    /// <summary>The activity a snapshot holds, trimmed to today's bounds should they be smaller than when it was taken.</summary>
    public static CardActivity FromSnapshot(CardActivitySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var activity = new CardActivity();
        foreach (var use in snapshot.Recent.TakeLast(MaxRecentUses))
        {
            activity._recent.Enqueue(new RecentUse(use.AtUnixMs, use.AmountMinor, use.Mid, use.Approved, use.DeclinedByRisk));
        }

        foreach (var spend in snapshot.Spend.OrderBy(s => s.Day))
        {
            activity.AddSpend(new SpendKey(spend.Day, spend.Mcc), new ActivityTotals(spend.Count, spend.SumMinor));
        }

        foreach (var merchant in snapshot.Merchants.OrderBy(m => m.LastAtUnixMs))
        {
            activity.SeeMerchant(merchant.Mid, merchant.LastAtUnixMs);
        }

        return activity;
    }

    private static int Day(long unixMs) => (int)Math.Floor(unixMs / (double)MillisPerDay);

    private static long Since(TimeSpan window, DateTimeOffset now) => now.ToUnixTimeMilliseconds() - (long)window.TotalMilliseconds;

    private int CountRecent(TimeSpan window, DateTimeOffset now, Func<RecentUse, bool> matches)
    {
        var since = Since(window, now);
        var count = 0;
        foreach (var use in _recent)
        {
            if (use.AtUnixMs > since && matches(use))
            {
                count++;
            }
        }

        return count;
    }

    private void SeeMerchant(string mid, long atUnixMs)
    {
        _merchants[mid] = Math.Max(atUnixMs, _merchants.GetValueOrDefault(mid, long.MinValue));
        if (_merchants.Count > MaxMerchants)
        {
            // Rare (a new merchant on a full table), so a scan beats keeping a second index.
            _merchants.Remove(_merchants.MinBy(e => e.Value).Key);
        }
    }

    private void AddSpend(SpendKey key, ActivityTotals totals)
    {
        _spend[key] = _spend.GetValueOrDefault(key).Add(totals);
        if (key.Day > _latestDay)
        {
            _latestDay = key.Day;
            RemoveSpend(day => day <= _latestDay - ProfileDays);
        }

        while (_spend.Count > MaxSpendEntries)
        {
            _spend.Remove(_spend.Keys.Where(k => k != key).MinBy(k => k.Day));
        }
    }

    private void RemoveSpend(Func<int, bool> expired)
    {
        foreach (var key in _spend.Keys.Where(k => expired(k.Day)).ToList())
        {
            _spend.Remove(key);
        }
    }

    private readonly record struct RecentUse(long AtUnixMs, long AmountMinor, string Mid, bool Approved, bool DeclinedByRisk);

    private readonly record struct SpendKey(int Day, string Mcc);
}
