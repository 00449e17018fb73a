using Switch.Actors.Events;
using Switch.Actors.Risk;

namespace Switch.Tests.Actors.Risk;

/// <summary>A small, fixed world for risk tests: UTC hours, night 0-6, small amounts up to 2.00.</summary>
internal static class RiskTestSettings
{
    public const string Grocery = "5411";
    public const string Retail = "5311";
    public const string Gambling = "7995";
    public const string Fuel = "5541";

    public static readonly DateTimeOffset Noon = new(2025, 6, 15, 12, 0, 0, TimeSpan.Zero);

    public static MccGroups Mcc { get; } = new(
        [
            new(MccGroup.Retail, Range("5200-5999")),
            new(MccGroup.Grocery, Range(Grocery)),
            new(MccGroup.Fuel, Range(Fuel)),
            new(MccGroup.Gambling, Range(Gambling)),
        ],
        [new(MccRiskClass.High, Range(Gambling)), new(MccRiskClass.Medium, Range("5960-5969"))]);

    public static FeatureSettings Features { get; } = new(200, TimeSpan.Zero, new NightHours(0, 6), Mcc);

    public static MccRange Range(string text) => MccRange.TryParse(text, out var range) ? range : throw new ArgumentException(text);

    public static CardUsed Use(DateTimeOffset at, long amount, string mid = "M1", string mcc = Grocery, bool approved = true, bool byRisk = false) => new()
    {
        AtUnixMs = at.ToUnixTimeMilliseconds(),
        AmountMinor = amount,
        Mid = mid,
        Mcc = mcc,
        Approved = approved,
        DeclinedByRisk = byRisk,
    };

    public static RiskInput Input(
        long amount,
        CardActivity? card = null,
        DateTimeOffset? now = null,
        string mid = "M1",
        string mcc = Grocery,
        string merchantCountry = "CN",
        string? cardCountry = "CN",
        TerminalVelocity terminal = default) =>
        new(amount, mid, mcc, merchantCountry, cardCountry, card ?? new CardActivity(), terminal, now ?? Noon);
}
