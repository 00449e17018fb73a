using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Transactions;

public sealed class RequestValidatorTests
{
    private const long MaxAmount = 5_000_000;

    private readonly RequestValidator _validator = new(MaxAmount);

    public static TheoryData<string> Profiles => TestRequests.Profiles;

    // ---- The valid purchase and the result ---------------------------------------------------------

    [Theory]
    [MemberData(nameof(Profiles))]
    public void The_vectors_purchase_passes(string profile)
    {
        var result = Validate(TestRequests.Purchase(), profile);

        Assert.True(result.Passed);
        Assert.Null(result.ResponseCode);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void An_authorization_passes_under_the_same_rules() =>
        AssertPasses(TestRequests.Purchase().WithMti(100));

    [Theory]
    [InlineData(800)]
    [InlineData(210)]
    [InlineData(220)]
    [InlineData(500)]
    [InlineData(101)]
    public void Any_other_mti_is_an_invalid_transaction(int mti) =>
        AssertRejected(TestRequests.Purchase().WithMti(mti), ResponseCodes.InvalidTransaction, $"MTI {mti:D4}");

    [Fact]
    public void Passing_allocates_nothing()
    {
        var bytes = TestRequests.Purchase().Build();

        Assert.Equal(0, Allocations.Steady(() => Check(bytes)));

        void Check(byte[] request)
        {
            var message = IsoMessage.Parse(request, Iso87.Ascii);
            Assert.True(_validator.Validate(in message, TestRequests.Now).Passed);
        }
    }

    [Fact]
    public void A_maximum_amount_of_zero_or_less_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestValidator(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestValidator(-1));
    }

    // ---- 1. Required fields: 30 --------------------------------------------------------------------

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(11)]
    [InlineData(41)]
    [InlineData(42)]
    [InlineData(49)]
    public void A_missing_required_field_is_a_format_error_naming_it(int field) =>
        AssertRejected(TestRequests.Purchase().Without(field), ResponseCodes.FormatError, $"field {field} is required");

    [Fact]
    public void Neither_pan_nor_track_2_is_a_format_error() =>
        AssertRejected(TestRequests.Purchase().Without(2, 35), ResponseCodes.FormatError, "field 2 or 35");

    [Theory]
    [InlineData(2)]
    [InlineData(35)]
    public void Either_pan_or_track_2_alone_is_enough(int field) =>
        AssertPasses(TestRequests.Purchase().Without(field));

    [Fact]
    public void Expiry_and_the_optional_fields_are_not_required() =>
        AssertPasses(TestRequests.Purchase().Without(14, 22, 25, 35));

    // ---- 2. Processing code: 12 --------------------------------------------------------------------

    [Theory]
    [InlineData("000000")] // goods and services, default account
    [InlineData("001000")] // from savings
    [InlineData("002000")] // from cheque
    [InlineData("003000")] // from credit
    public void Goods_and_services_from_any_standard_account_is_supported(string code) =>
        AssertPasses(TestRequests.Purchase().With(3, code));

    [Theory]
    [InlineData("010000")] // cash
    [InlineData("090000")] // purchase with cashback
    [InlineData("200000")] // refund
    [InlineData("300000")] // balance inquiry
    [InlineData("310000")] // balance inquiry
    [InlineData("020000")] // adjustment
    [InlineData("400000")] // transfer
    [InlineData("004000")] // from universal account
    [InlineData("000010")] // a to-account on a purchase
    [InlineData("990000")]
    public void Any_other_processing_code_is_an_invalid_transaction(string code) =>
        AssertRejected(TestRequests.Purchase().With(3, code), ResponseCodes.InvalidTransaction, code);

    // ---- 3. PAN: 14 --------------------------------------------------------------------------------

    [Theory]
    [InlineData("400000000002")]        // 12 digits
    [InlineData("4222222222222")]       // 13
    [InlineData("378282246310005")]     // 15
    [InlineData("6212345678901234569")] // 19
    public void A_luhn_valid_pan_of_12_to_19_digits_passes(string pan) =>
        AssertPasses(TestRequests.Purchase().With(2, pan).Without(35));

    [Theory]
    [InlineData("79927398713")]      // Luhn-valid but 11 digits
    [InlineData("4761739001010011")] // Luhn fails
    [InlineData("4111111111111112")]
    public void A_short_or_luhn_invalid_pan_is_an_invalid_card_number(string pan) =>
        AssertRejected(TestRequests.Purchase().With(2, pan).Without(35), ResponseCodes.InvalidCardNumber, "field 2");

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Without_field_2_the_pan_comes_from_track_2(string profile)
    {
        AssertPasses(TestRequests.Purchase().Without(2), profile);
        AssertRejected(TestRequests.Purchase().Without(2).With(35, "4761739001010011=2812"), ResponseCodes.InvalidCardNumber, "track 2", profile);
    }

    [Theory]
    [InlineData("4761739001010010D2812101")]
    [InlineData("4761739001010010=28121011234567890")]
    public void Track_2_may_use_D_as_its_separator_and_carry_discretionary_data(string track) =>
        AssertPasses(TestRequests.Purchase().Without(2).With(35, track));

    [Theory]
    [InlineData("4761739001010010")]         // no separator
    [InlineData("62123456789012345676=2812")] // 20 digits
    [InlineData("=2812")]
    public void A_track_2_with_no_pan_in_it_is_an_invalid_card_number(string track) =>
        AssertRejected(TestRequests.Purchase().Without(2).With(35, track), ResponseCodes.InvalidCardNumber, "track 2");

    [Theory]
    [MemberData(nameof(Profiles))]
    public void A_pan_that_differs_from_track_2_is_an_invalid_card_number(string profile) =>
        AssertRejected(TestRequests.Purchase().With(35, "4111111111111111=2812"), ResponseCodes.InvalidCardNumber, "differs from field 2", profile);

    [Fact]
    public void A_track_2_without_separator_beside_field_2_is_an_invalid_card_number() =>
        AssertRejected(TestRequests.Purchase().With(35, TestRequests.Pan), ResponseCodes.InvalidCardNumber, "track 2");

    // ---- 4. Amount: 13 -----------------------------------------------------------------------------

    [Theory]
    [InlineData(1)]
    [InlineData(MaxAmount)]
    public void An_amount_from_one_minor_unit_to_the_maximum_passes(long amount) =>
        AssertPasses(TestRequests.Purchase().With(4, amount.ToString("D12", System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(0, "above zero")]
    [InlineData(MaxAmount + 1, "exceeds the maximum")]
    [InlineData(999_999_999_999, "exceeds the maximum")]
    public void A_zero_or_excessive_amount_is_an_invalid_amount(long amount, string reason) =>
        AssertRejected(
            TestRequests.Purchase().With(4, amount.ToString("D12", System.Globalization.CultureInfo.InvariantCulture)),
            ResponseCodes.InvalidAmount,
            reason);

    // ---- 5. Expiry: 54 -----------------------------------------------------------------------------

    [Theory]
    [InlineData("2611")] // this month: good through its last day
    [InlineData("2612")]
    [InlineData("2701")]
    [InlineData("3611")] // ten years ahead
    public void A_card_expiring_this_month_or_later_passes(string expiry) =>
        AssertPasses(WithExpiry(expiry));

    [Theory]
    [InlineData("2610")] // last month
    [InlineData("2511")] // a year ago
    [InlineData("9912")] // 1999, not 2099
    public void A_card_whose_expiry_month_has_passed_is_expired(string expiry) =>
        AssertRejected(WithExpiry(expiry), ResponseCodes.ExpiredCard, "card expired");

    [Theory]
    [InlineData("2613")]
    [InlineData("2600")]
    [InlineData("2699")]
    public void An_expiry_month_that_does_not_exist_is_expired_too(string expiry) =>
        AssertRejected(WithExpiry(expiry), ResponseCodes.ExpiredCard, "not a valid YYMM");

    [Fact]
    public void The_last_instant_of_the_expiry_month_is_still_valid() =>
        AssertPasses(WithExpiry("2611"), now: new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero));

    [Theory]
    [InlineData("2612", true)]
    [InlineData("2701", true)]
    [InlineData("2611", false)]
    public void On_the_last_day_of_december(string expiry, bool passes) =>
        AssertExpiry(expiry, new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero), passes);

    [Theory]
    [InlineData("2612", false)] // December's card expires as the year rolls over
    [InlineData("2701", true)]
    [InlineData("2702", true)]
    public void On_the_first_of_january(string expiry, bool passes) =>
        AssertExpiry(expiry, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), passes);

    [Fact]
    public void The_month_is_read_in_the_offset_of_now()
    {
        // 2026-12-01 00:30 in UTC+8 is still November in UTC: the card is expired for a clock in +8.
        var late = new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.FromHours(8));
        AssertExpiry("2611", late, passes: false);
        AssertExpiry("2611", late.ToUniversalTime(), passes: true);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Without_field_14_the_expiry_comes_from_track_2(string profile)
    {
        AssertPasses(TestRequests.Purchase().Without(2, 14).With(35, TestRequests.Pan + "=2611"), profile);
        AssertRejected(TestRequests.Purchase().Without(2, 14).With(35, TestRequests.Pan + "=2610101"), ResponseCodes.ExpiredCard, "card expired (track 2)", profile);
        AssertRejected(TestRequests.Purchase().Without(2, 14).With(35, TestRequests.Pan + "=2613"), ResponseCodes.ExpiredCard, "not a valid YYMM (track 2)", profile);
    }

    [Fact]
    public void A_track_2_cut_short_after_its_separator_has_no_valid_expiry() =>
        AssertRejected(TestRequests.Purchase().Without(14).With(35, TestRequests.Pan + "=28"), ResponseCodes.ExpiredCard, "not a valid YYMM (track 2)");

    [Fact]
    public void Both_expiries_must_hold_when_both_are_present()
    {
        AssertRejected(TestRequests.Purchase().With(14, "2812").With(35, TestRequests.Pan + "=2610"), ResponseCodes.ExpiredCard, "card expired (track 2)");
        AssertRejected(TestRequests.Purchase().With(14, "2610").With(35, TestRequests.Pan + "=2812"), ResponseCodes.ExpiredCard, "card expired (field 14)");
    }

    [Fact]
    public void With_neither_field_14_nor_track_2_there_is_no_expiry_to_check() =>
        AssertPasses(TestRequests.Purchase().Without(14, 35), now: new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));

    // ---- 6. Currency: 30 ---------------------------------------------------------------------------

    [Theory]
    [InlineData("156")]
    [InlineData("978")]
    [InlineData("CNY")]
    [InlineData("EUR")]
    public void A_numeric_or_alphabetic_currency_passes(string currency) =>
        AssertPasses(TestRequests.Purchase().With(49, currency));

    [Theory]
    [InlineData("15A")]
    [InlineData("C5Y")]
    [InlineData("cny")]
    [InlineData("1 6")]
    [InlineData("US$")]
    public void Any_other_currency_is_a_format_error(string currency) =>
        AssertRejected(TestRequests.Purchase().With(49, currency), ResponseCodes.FormatError, "field 49");

    // ---- Order: the first rule broken decides ------------------------------------------------------

    [Fact]
    public void Rules_apply_in_order_required_processing_code_pan_amount_expiry_currency()
    {
        var everythingWrong = TestRequests.Purchase()
            .With(2, "4111111111111112")
            .With(3, "010000")
            .With(4, "000000000000")
            .With(14, "2001")
            .With(49, "X1X")
            .Without(42);

        AssertRejected(everythingWrong, ResponseCodes.FormatError, "field 42");
        AssertRejected(everythingWrong.With(42, "M00000000000001"), ResponseCodes.InvalidTransaction, "processing code");
        AssertRejected(everythingWrong.With(3, "000000"), ResponseCodes.InvalidCardNumber, "field 2");
        AssertRejected(everythingWrong.With(2, TestRequests.Pan), ResponseCodes.InvalidAmount, "above zero");
        AssertRejected(everythingWrong.With(4, "000000001234"), ResponseCodes.ExpiredCard, "card expired");
        AssertRejected(everythingWrong.With(14, "2812"), ResponseCodes.FormatError, "field 49");
        AssertPasses(everythingWrong.With(49, "156"));
    }

    // ---- Reversals ---------------------------------------------------------------------------------

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    public void A_reversal_found_by_its_stan_passes(int mti) =>
        AssertPasses(TestRequests.Reversal().WithMti(mti));

    [Fact]
    public void A_reversal_needs_only_stan_and_terminal() =>
        AssertPasses(TestRequests.Reversal().Without(2, 3, 4, 7, 42, 49));

    [Theory]
    [InlineData(11)]
    [InlineData(41)]
    public void A_reversal_without_stan_or_terminal_is_a_format_error(int field) =>
        AssertRejected(TestRequests.Reversal().Without(field), ResponseCodes.FormatError, $"field {field} is required");

    [Theory]
    [MemberData(nameof(Profiles))]
    public void A_reversal_with_original_data_elements_naming_a_purchase_or_authorization_passes(string profile)
    {
        AssertPasses(TestRequests.Reversal().With(90, OriginalDataElementsTests.Example), profile);
        AssertPasses(TestRequests.Reversal().With(90, "0100" + OriginalDataElementsTests.Example[4..]), profile);
        AssertPasses(TestRequests.Reversal().With(90, "0201" + OriginalDataElementsTests.Example[4..]), profile);
    }

    [Theory]
    [InlineData("0800")]
    [InlineData("0400")]
    [InlineData("0000")]
    public void A_reversal_naming_an_original_that_is_not_a_request_is_an_invalid_transaction(string mti) =>
        AssertRejected(
            TestRequests.Reversal().With(90, mti + OriginalDataElementsTests.Example[4..]),
            ResponseCodes.InvalidTransaction,
            "field 90");

    [Fact]
    public void A_reversal_is_not_held_to_the_request_rules() =>
        AssertPasses(TestRequests.Reversal().With(3, "200000").With(4, "000000000000").With(2, "4111111111111112"));

    // ---- Reasons never carry card data -------------------------------------------------------------

    [Fact]
    public void No_rejection_reason_contains_the_pan_the_track_or_the_expiry()
    {
        TestRequests[] rejected =
        [
            TestRequests.Purchase().Without(49),
            TestRequests.Purchase().With(3, "010000"),
            TestRequests.Purchase().With(2, "4761739001010011").With(35, "4761739001010011=2812"),
            TestRequests.Purchase().With(35, "4111111111111111=2812"),
            TestRequests.Purchase().Without(2).With(35, "4761739001010011=2812"),
            TestRequests.Purchase().With(4, "000000000000"),
            TestRequests.Purchase().With(14, "2610"),
            TestRequests.Purchase().With(14, "2613"),
            TestRequests.Purchase().With(49, "$$$"),
        ];

        foreach (var request in rejected)
        {
            var result = Validate(request, Iso87.AsciiName);
            Assert.False(result.Passed);
            foreach (var secret in new[] { "4761739001", "01010010", "01010011", "4111111111", "2812", "2610", "2613" })
            {
                Assert.DoesNotContain(secret, result.Reason, StringComparison.Ordinal);
            }
        }
    }

    // ---- Helpers -----------------------------------------------------------------------------------

    private static TestRequests WithExpiry(string expiry) =>
        TestRequests.Purchase().With(14, expiry).With(35, TestRequests.Pan + "=" + expiry);

    private void AssertExpiry(string expiry, DateTimeOffset now, bool passes)
    {
        var result = Validate(WithExpiry(expiry), Iso87.AsciiName, now);
        Assert.Equal(passes, result.Passed);
        if (!passes)
        {
            Assert.Equal(ResponseCodes.ExpiredCard, result.ResponseCode);
        }
    }

    private ValidationResult Validate(TestRequests request, string profile, DateTimeOffset? now = null)
    {
        var bytes = request.Build(profile);
        var message = IsoMessage.Parse(bytes, IsoProfiles.Get(profile));
        return _validator.Validate(in message, now ?? TestRequests.Now);
    }

    private void AssertPasses(TestRequests request, string profile = Iso87.AsciiName, DateTimeOffset? now = null)
    {
        var result = Validate(request, profile, now);
        Assert.True(result.Passed, $"{result.ResponseCode}: {result.Reason}");
    }

    private void AssertRejected(TestRequests request, string responseCode, string reasonPart, string profile = Iso87.AsciiName)
    {
        var result = Validate(request, profile);
        Assert.False(result.Passed);
        Assert.Equal(responseCode, result.ResponseCode);
        Assert.Contains(reasonPart, result.Reason, StringComparison.Ordinal);
    }
}
