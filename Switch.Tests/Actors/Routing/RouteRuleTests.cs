using Switch.Actors.Risk;
using Switch.Actors.Routing;

namespace Switch.Tests.Actors.Routing;

public sealed class RouteRuleTests
{
    private static readonly RouteRequest Visa = new("47617390", "visa", PaymentInstrument.Card, 1234, "156", "5411", "CN");

    [Theory]
    [InlineData("4761", true)]
    [InlineData("47617390", true)]
    [InlineData("62", false)]
    [InlineData("470000-479999", true)]
    [InlineData("40000000-47617389", false)]
    [InlineData("47617390-47617390", true)]
    public void Bins_match_by_prefix_or_by_range_of_leading_digits(string bins, bool matches)
    {
        Assert.True(BinRange.TryParse(bins, out var range));

        Assert.Equal(matches, (Rule() with { Bins = [range] }).Matches(Visa));
    }

    [Theory]
    [InlineData("")]
    [InlineData("4x")]
    [InlineData("123456789")]
    [InlineData("4999-4000")]
    [InlineData("40-4999")]
    public void A_bin_that_is_not_digits_too_long_reversed_or_uneven_is_refused(string text) =>
        Assert.False(BinRange.TryParse(text, out _));

    [Fact]
    public void A_short_bin_never_falls_in_a_longer_range() =>
        Assert.False((Rule() with { Bins = [Bin("47617390")] }).Matches(Visa with { Bin = "476173" }));

    [Fact]
    public void Each_condition_given_must_hold_and_those_left_out_match_anything()
    {
        var rule = Rule() with
        {
            Schemes = new HashSet<string>(["VISA"], StringComparer.OrdinalIgnoreCase),
            Instruments = new HashSet<PaymentInstrument> { PaymentInstrument.Card },
            Mccs = [new MccRange(5400, 5499)],
            MinAmount = 1000,
            MaxAmount = 1234,
            Currencies = new HashSet<string> { "156" },
            Countries = new HashSet<string> { "CN" },
        };

        Assert.True(Rule().Matches(Visa));
        Assert.True(rule.Matches(Visa));
        Assert.False(rule.Matches(Visa with { Scheme = "unionpay" }));
        Assert.False(rule.Matches(Visa with { Scheme = null }));
        Assert.False(rule.Matches(Visa with { Instrument = PaymentInstrument.Qr }));
        Assert.False(rule.Matches(Visa with { Mcc = "5812" }));
        Assert.False(rule.Matches(Visa with { AmountMinor = 1235 }));
        Assert.False(rule.Matches(Visa with { AmountMinor = 999 }));
        Assert.False(rule.Matches(Visa with { Currency = "840" }));
        Assert.False(rule.Matches(Visa with { MerchantCountry = "US" }));
    }

    [Fact]
    public void The_first_matching_rule_decides_and_the_default_takes_the_rest()
    {
        var table = RoutingTable.Empty with
        {
            Rules =
            [
                new RouteRule("qr", ["acq-b"], RoutingStrategy.Priority, new Dictionary<string, int>()) { Instruments = new HashSet<PaymentInstrument> { PaymentInstrument.Qr } },
                new RouteRule("cn", ["acq-c"], RoutingStrategy.Priority, new Dictionary<string, int>()) { Countries = new HashSet<string> { "CN" } },
                new RouteRule("shadowed", ["acq-a"], RoutingStrategy.Priority, new Dictionary<string, int>()) { Countries = new HashSet<string> { "CN" } },
            ],
        };
        var chooser = Chooser(table);

        Assert.Equal(("qr", "acq-b"), Decide(chooser, Visa with { Instrument = PaymentInstrument.Qr }));
        Assert.Equal(("cn", "acq-c"), Decide(chooser, Visa));
        Assert.Equal(("default", "acq-a"), Decide(chooser, Visa with { MerchantCountry = "US" }));
    }

    [Theory]
    [InlineData("031", PaymentInstrument.Qr)]
    [InlineData("051", PaymentInstrument.Card)]
    [InlineData("071", PaymentInstrument.Card)]
    [InlineData(null, PaymentInstrument.Card)]
    public void A_qr_payment_code_is_field_22_starting_03(string? posEntryMode, PaymentInstrument instrument)
    {
        var request = Transactions.TestRequests.Purchase();
        var bytes = (posEntryMode is null ? request.Without(22) : request.With(22, posEntryMode)).Build();

        var message = Switch.Protocol.Iso8583.IsoMessage.Parse(bytes, Switch.Protocol.Iso8583.Specs.Iso87.Ascii);
        Assert.Equal(instrument, PaymentInstruments.From(in message));
    }

    [Fact]
    public void The_request_carries_eight_leading_digits_of_a_16_digit_pan_and_the_scheme_from_the_bin_table()
    {
        var bytes = Transactions.TestRequests.Purchase().Build();
        var message = Switch.Protocol.Iso8583.IsoMessage.Parse(bytes, Switch.Protocol.Iso8583.Specs.Iso87.Ascii);
        var merchant = new Switch.Actors.Registry.Merchant("M00000000000001", "Shop", "5411", "CN", Switch.Actors.Registry.ChallengePolicy.Risk);

        var request = RouteRequest.From(in message, merchant, new BinTable([new BinEntry("4761", "CN", "visa")]));

        Assert.Equal(new RouteRequest("47617390", "visa", PaymentInstrument.Card, 1234, "156", "5411", "CN"), request);
    }

    internal static RouteChooser Chooser(RoutingTable table, Random? random = null, params string[] up)
    {
        var chooser = new RouteChooser(table, ["acq-a", "acq-b", "acq-c"], random ?? new Random(1));
        foreach (var name in up.Length == 0 ? ["acq-a", "acq-b", "acq-c"] : up)
        {
            chooser.LinkStatus(name, isUp: true);
        }

        return chooser;
    }

    private static (string Rule, string Chosen) Decide(RouteChooser chooser, RouteRequest request)
    {
        var decision = chooser.Choose(request, [], DateTimeOffset.UnixEpoch);
        return (decision.Rule, decision.Chosen);
    }

    private static RouteRule Rule() => new("r", ["acq-a"], RoutingStrategy.Priority, new Dictionary<string, int>());

    private static BinRange Bin(string text) => BinRange.TryParse(text, out var range) ? range : throw new ArgumentException(text);
}
