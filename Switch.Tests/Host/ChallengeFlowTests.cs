using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switch.Tests.Support;

namespace Switch.Tests.Host;

/// <summary>
/// The cardholder challenge over real sockets (DESIGN.md, "Phone / OTP challenge"): a terminal, the
/// node, the SMS sink as the cardholder's phone, the acquirer simulator behind. Each test has its
/// own terminal and card.
/// </summary>
public sealed class ChallengeFlowTests : IClassFixture<ChallengeWorldFixture>
{
    private readonly ChallengeWorldFixture _world;

    public ChallengeFlowTests(ChallengeWorldFixture world)
    {
        _world = world;
    }

    private TestNode Node => _world.Node;

    [Fact]
    public async Task The_right_phone_and_the_texted_code_get_the_acquirers_approval_under_one_rrn()
    {
        await using var cardholder = await CardholderAsync(terminal: 1, card: 1);

        var (first, final, challengeId) = await cardholder.PassAsync(1000, _world.Sms);

        var phoneStep = ChallengeClient.Tags(first);
        Assert.Equal(("PHONE", "3"), (phoneStep["ST"], phoneStep["AL"]));
        Assert.Equal(("00", first[37]), (final[39], final[37]));
        var sent = Assert.Single(_world.Simulator.Ledger.Entries, e => e.Rrn == first[37]);
        Assert.Equal("0200", sent.Mti);

        using var history = await Node.Admin.GetAsync($"/api/transactions/{first[37]}");
        var text = await history.Content.ReadAsStringAsync();
        Assert.Contains("ChallengeAwaited", text, StringComparison.Ordinal);
        Assert.Contains("ChallengeCodeIssued", text, StringComparison.Ordinal);
        Assert.Contains(challengeId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ChallengeClient.Phone, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_otp_step_shows_the_masked_bound_phone_attempts_and_expiry()
    {
        await using var cardholder = await CardholderAsync(terminal: 2, card: 2);
        var challengeId = ChallengeClient.Tags(await cardholder.PurchaseAsync(1000))["CI"];

        var otp = ChallengeClient.Tags(await cardholder.PurchaseAsync(1000, TerminalMessages.ChallengeStep(challengeId, phone: ChallengeClient.Phone)));

        Assert.Equal(("OTP", "138****5678", "3", "300"), (otp["ST"], otp["MP"], otp["AL"], otp["EX"]));
    }

    [Fact]
    public async Task Three_wrong_phones_end_the_challenge_75_and_nothing_is_sent_or_texted()
    {
        await using var cardholder = await CardholderAsync(terminal: 3, card: 3);
        var first = await cardholder.PurchaseAsync(1000);
        var challengeId = ChallengeClient.Tags(first)["CI"];

        Assert.Equal("2", ChallengeClient.Tags(await cardholder.PurchaseAsync(1000, TerminalMessages.ChallengeStep(challengeId, phone: "13900000000")))["AL"]);
        Assert.Equal("1", ChallengeClient.Tags(await cardholder.PurchaseAsync(1000, TerminalMessages.ChallengeStep(challengeId, phone: "+4915112345678")))["AL"]);
        var last = await cardholder.PurchaseAsync(1000, TerminalMessages.ChallengeStep(challengeId, phone: "1"));

        Assert.Equal("75", last[39]);
        Assert.DoesNotContain(_world.Simulator.Ledger.Entries, e => e.Rrn == first[37]);
        Assert.Null(await _world.Sms.WaitForCodeAsync(challengeId, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_wrong_code_costs_an_attempt_and_the_right_one_still_passes()
    {
        await using var cardholder = await CardholderAsync(terminal: 4, card: 4);
        var challengeId = ChallengeClient.Tags(await cardholder.PurchaseAsync(1000))["CI"];
        await cardholder.PurchaseAsync(1000, TerminalMessages.ChallengeStep(challengeId, phone: ChallengeClient.Phone));
        var code = await _world.Sms.WaitForCodeAsync(challengeId, TimeSpan.FromSeconds(15));
        var wrong = code == "000000" ? "000001" : "000000";

        Assert.Equal("2", ChallengeClient.Tags(await cardholder.PurchaseAsync(1000, TerminalMessages.ChallengeStep(challengeId, code: wrong)))["AL"]);
        Assert.Equal("00", (await cardholder.PurchaseAsync(1000, TerminalMessages.ChallengeStep(challengeId, code: code)))[39]);
    }

    [Fact]
    public async Task Three_wrong_codes_end_the_challenge_75()
    {
        await using var cardholder = await CardholderAsync(terminal: 5, card: 5);
        var challengeId = ChallengeClient.Tags(await cardholder.PurchaseAsync(1000))["CI"];
        await cardholder.PurchaseAsync(1000, TerminalMessages.ChallengeStep(challengeId, phone: ChallengeClient.Phone));
        var code = await _world.Sms.WaitForCodeAsync(challengeId, TimeSpan.FromSeconds(15));
        var wrong = code == "000000" ? "000001" : "000000";

        await cardholder.PurchaseAsync(1000, TerminalMessages.ChallengeStep(challengeId, code: wrong));
        await cardholder.PurchaseAsync(1000, TerminalMessages.ChallengeStep(challengeId, code: wrong));

        Assert.Equal("75", (await cardholder.PurchaseAsync(1000, TerminalMessages.ChallengeStep(challengeId, code: wrong)))[39]);
        // The challenge is over: even the right code no longer continues it.
        Assert.Equal("12", (await cardholder.PurchaseAsync(1000, TerminalMessages.ChallengeStep(challengeId, code: code)))[39]);
    }

    [Fact]
    public async Task A_resend_within_the_cool_down_restates_the_otp_step_without_a_new_code()
    {
        await using var cardholder = await CardholderAsync(terminal: 6, card: 6);
        var challengeId = ChallengeClient.Tags(await cardholder.PurchaseAsync(1000))["CI"];
        await cardholder.PurchaseAsync(1000, TerminalMessages.ChallengeStep(challengeId, phone: ChallengeClient.Phone));
        var code = await _world.Sms.WaitForCodeAsync(challengeId, TimeSpan.FromSeconds(15));

        var resend = ChallengeClient.Tags(await cardholder.PurchaseAsync(1000, TerminalMessages.ChallengeStep(challengeId, resend: true)));

        Assert.Equal(("OTP", "3"), (resend["ST"], resend["AL"]));
        Assert.Equal("00", (await cardholder.PurchaseAsync(1000, TerminalMessages.ChallengeStep(challengeId, code: code)))[39]);
    }

    [Fact]
    public async Task A_card_with_no_bound_phone_is_declined_05_when_it_must_be_challenged()
    {
        await using var cardholder = new ChallengeClient(await FramedClient.ConnectAsync(Node.TerminalEndPoint), NodeConfig.Tid(7), ChallengeClient.Pan(7), firstStan: 1);
        await cardholder.SignOnAsync();

        Assert.Equal("05", (await cardholder.PurchaseAsync(1000))[39]);
    }

    [Theory]
    [InlineData("{\"pan\": \"4761739001010011\", \"phone\": \"13812345678\", \"consent\": true}", "pan:")]
    [InlineData("{\"pan\": \"4761739001010010\", \"phone\": \"138-1234-5678\", \"consent\": true}", "phone:")]
    [InlineData("{\"pan\": \"4761739001010010\", \"phone\": \"13812345678\"}", "consent:")]
    [InlineData("{\"pan\": \"4761739001010010\", ", "body:")]
    public async Task A_card_binding_breaking_a_rule_is_answered_400_naming_the_field_and_never_echoing_the_pan(string body, string field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await Node.Admin.PostAsync("/api/card-bindings", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        Assert.StartsWith(field, error, StringComparison.Ordinal);
        Assert.DoesNotContain("476173900101", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_binding_answers_with_the_pan_and_phone_masked_and_needs_the_token()
    {
        using var response = await Node.Admin.PostAsJsonAsync("/api/card-bindings", new { pan = ChallengeClient.Pan(8), phone = "+8613812345678", consent = true });
        var binding = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("476173******" + ChallengeClient.Pan(8)[^4..], "861******5678", true),
            (binding.GetProperty("card").GetString(), binding.GetProperty("phone").GetString(), binding.GetProperty("consent").GetBoolean()));

        using var anonymous = new HttpClient { BaseAddress = Node.Admin.BaseAddress };
        using var refused = await anonymous.PostAsJsonAsync("/api/card-bindings", new { pan = ChallengeClient.Pan(8), phone = "13812345678", consent = true });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Asking_for_another_mcc_is_refused_58_and_counted()
    {
        await using var terminal = await FramedClient.ConnectAsync(Node.TerminalEndPoint);
        await terminal.SendRawAsync(TerminalMessages.SignOn(NodeConfig.Tid(9), 1));
        await terminal.ReceiveMessageAsync();

        await terminal.SendRawAsync(TerminalMessages.Purchase(NodeConfig.Tid(9), 2, 1000, new PurchaseOptions { Mcc = "7995" }));

        Assert.Equal("58", (await terminal.ReceiveMessageAsync())[39]);
        var metrics = await Node.Admin.GetStringAsync("/metrics");
        Assert.Contains("switch_merchant_mismatches", metrics, StringComparison.Ordinal);
    }

    private async Task<ChallengeClient> CardholderAsync(int terminal, int card)
    {
        await ChallengeClient.BindAsync(Node.Admin, ChallengeClient.Pan(card));
        var connection = await FramedClient.ConnectAsync(Node.TerminalEndPoint);
        var cardholder = new ChallengeClient(connection, NodeConfig.Tid(terminal), ChallengeClient.Pan(card), firstStan: 1);
        await cardholder.SignOnAsync();
        return cardholder;
    }
}
