using System.Globalization;
using Switch.Traffic.Generator;

namespace Switch.Traffic.Scenarios;

/// <summary>
/// The cards of the challenged scenarios: test cards far from the plain pool (so plain traffic never
/// touches a challenged card's counters), each with a phone of its own, bound through the admin API.
/// The switch lets a card open only a few challenges an hour (switch.challenge.max-per-card-per-hour,
/// 5 by default), so flows are dealt over the pool in turn.
/// </summary>
public sealed class ChallengeCards
{
    /// <summary>The test-card index of challenge card 0; the plain pool is 0..<see cref="PurchaseFactory.CardPool"/>.</summary>
    public const int FirstIndex = 1_000_000;

    public const int MaxCount = 1_000_000;

    /// <summary>The fewest cards <see cref="Needed"/> gives, however short the run.</summary>
    public const int MinimumDefault = 100;

    /// <summary>What <see cref="Needed"/> gives a closed-loop run.</summary>
    public const int ClosedLoopDefault = 1000;

    private readonly int _count;
    private long _dealt = -1;

    public ChallengeCards(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        _count = count;
    }

    public int Count => _count;

    /// <summary>
    /// How many cards keep each at <paramref name="flowsPerCard"/> challenged flows or fewer: from the
    /// open-loop rate over the run's window, at least <see cref="MinimumDefault"/>. A closed-loop run's
    /// pace is not known ahead, so it gets <see cref="ClosedLoopDefault"/>.
    /// </summary>
    public static int Needed(ScenarioMix mix, double? rate, TimeSpan window, int flowsPerCard)
    {
        ArgumentNullException.ThrowIfNull(mix);
        ArgumentOutOfRangeException.ThrowIfLessThan(flowsPerCard, 1);
        if (rate is not { } perSecond)
        {
            return ClosedLoopDefault;
        }

        var flows = perSecond * window.TotalSeconds * mix.ChallengedWeight / mix.Total;
        return (int)Math.Clamp(Math.Ceiling(flows / flowsPerCard), MinimumDefault, MaxCount);
    }

    /// <summary>The next card in turn, over every terminal of the run.</summary>
    public int Deal() => (int)(Interlocked.Increment(ref _dealt) % _count);

    public static string Pan(int card) => TestCards.Pan(FirstIndex + card);

    /// <summary>The phone bound to <paramref name="card"/>: an 11-digit mobile number, 139 and the card's number.</summary>
    public static string Phone(int card) => string.Create(CultureInfo.InvariantCulture, $"139{card:D8}");
}
