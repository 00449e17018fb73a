using Switch.Actors.Risk.Conditions;

namespace Switch.Actors.Offers;

/// <summary>
/// A personalised offer printed on the receipt (field 63) of an approved purchase whose features
/// match <paramref name="When"/> while the offer is valid. Only for cards whose binding has the
/// cardholder's consent: the caller asks the catalog only then.
/// </summary>
/// <param name="Id">The offer's name in configuration and the journal.</param>
/// <param name="Text">The receipt text: printable ASCII, at most 999 characters.</param>
/// <param name="When">The condition on the authorization's features, as rules write them.</param>
/// <param name="ValidFrom">The first instant it is offered.</param>
/// <param name="ValidTo">The instant it stops being offered (exclusive).</param>
/// <param name="Priority">Higher wins when several match.</param>
public sealed record Offer(string Id, string Text, Condition When, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, int Priority)
{
    public string Text { get; } = OfferText.Problem(Text) is { } problem ? throw new ArgumentException($"offer text {problem}", nameof(Text)) : Text;

    public bool IsValidAt(DateTimeOffset now) => now >= ValidFrom && now < ValidTo;
}
