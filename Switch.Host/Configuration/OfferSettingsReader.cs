using System.Globalization;
using Akka.Configuration;
using Switch.Actors.Offers;

namespace Switch.Host.Configuration;

/// <summary>Maps <c>switch.offers = [ ... ]</c> onto an <see cref="OfferCatalog"/>, refusing the first bad key by name.</summary>
public static class OfferSettingsReader
{
    /// <summary>Reads <c>switch.offers</c> of a whole configuration.</summary>
    public static OfferCatalog Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Read(new ConfigReader(config, string.Empty).Child("switch"));
    }

    /// <summary>Reads the <c>offers</c> list of <paramref name="parent"/> (the <c>switch</c> block).</summary>
    internal static OfferCatalog Read(ConfigReader parent)
    {
        var offers = parent.Objects("offers").Select(ReadOffer).ToList();
        RiskSettingsReader.RequireUnique(offers.Select(o => o.Id), parent.Key("offers"), "id");
        return new OfferCatalog(offers);
    }

    private static Offer ReadOffer(ConfigReader offer)
    {
        var text = offer.Text("text");
        if (OfferText.Problem(text) is { } problem)
        {
            throw offer.Invalid("text", problem);
        }

        var validFrom = Instant(offer, "valid-from");
        var validTo = Instant(offer, "valid-to");
        return validTo > validFrom
            ? new Offer(offer.RequiredText("id"), text, RiskSettingsReader.ReadCondition(offer, "when"), validFrom, validTo, offer.Int("priority", 0, 1_000_000))
            : throw offer.Invalid("valid-to", "must be later than valid-from");
    }

    private static DateTimeOffset Instant(ConfigReader block, string key)
    {
        var text = block.Text(key);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw block.Invalid(key, $"'{text}' is not an ISO 8601 date or date-time such as 2025-01-01 or 2025-01-01T08:00:00+08:00");
    }
}
