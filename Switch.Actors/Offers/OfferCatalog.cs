using Switch.Actors.Risk;

namespace Switch.Actors.Offers;

/// <summary>The configured offers, highest priority first; ties go to the one configured first.</summary>
public sealed class OfferCatalog
{
    private readonly Offer[] _byPriority;

    public OfferCatalog(IEnumerable<Offer> offers)
    {
        ArgumentNullException.ThrowIfNull(offers);
        _byPriority = [.. offers.OrderByDescending(o => o.Priority)];
    }

    public static OfferCatalog Empty { get; } = new([]);

    public IReadOnlyList<Offer> Offers => _byPriority;

    /// <summary>The highest-priority offer valid at <paramref name="now"/> whose condition matches, or null.</summary>
    public Offer? Best(RiskFeatures features, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(features);
        foreach (var offer in _byPriority)
        {
            if (offer.IsValidAt(now) && offer.When.Matches(features))
            {
                return offer;
            }
        }

        return null;
    }
}
