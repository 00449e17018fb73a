using System.Text.Json;
using System.Text;
using Switch.Actors.Registry;
using Switch.Actors.Terminals.Keys;
using Switch.Host.Admin;
using Switch.Protocol.Security;

namespace Switch.Tests.Host.Admin;

public sealed class RegistryRequestsTests
{
    [Fact]
    public void A_full_merchant_body_is_read_with_the_mid_of_the_path()
    {
        Assert.True(RegistryRequests.TryReadMerchant(
            "M1",
            Json("""{"name": "Fuel", "mcc": "0742", "country": "FR", "feePlan": "flat-1", "challenge": "Always"}"""),
            out var merchant,
            out _));

        Assert.Equal(new Merchant("M1", "Fuel", "0742", "FR", ChallengePolicy.Always, "flat-1"), merchant);
    }

    [Fact]
    public void Challenge_and_fee_plan_may_be_left_out_or_null_and_the_body_may_repeat_the_mid()
    {
        Assert.True(RegistryRequests.TryReadMerchant(
            "M1",
            Json("""{"mid": "M1", "name": "Shop", "mcc": "5411", "country": "CN", "feePlan": null, "challenge": null}"""),
            out var merchant,
            out _));

        Assert.Equal(new Merchant("M1", "Shop", "5411", "CN", ChallengePolicy.Risk), merchant);
    }

    [Theory]
    [InlineData("M 1", """{"name": "Shop", "mcc": "5411", "country": "CN"}""", "mid: 'M 1' must be 1 to 15 printable ASCII characters without spaces")]
    [InlineData("M1", """{"name": "Shop", "mcc": "54x1", "country": "CN"}""", "mcc: '54x1' is not 4 digits")]
    [InlineData("M1", """{"name": "Shop", "mcc": 5411, "country": "CN"}""", "mcc: a string is expected")]
    [InlineData("M1", """{"name": "Shop", "mcc": "5411"}""", "country: is required")]
    [InlineData("M1", """{"name": "", "mcc": "5411", "country": "CN"}""", "name: must be 1 to 64 characters, not blank and without control characters")]
    [InlineData("M1", """{"name": "Shop", "mcc": "5411", "country": "CN", "challenge": "sometimes"}""", "challenge: 'sometimes' is not one of always, risk, never")]
    [InlineData("M1", """{"name": "Shop", "mcc": "5411", "country": "CN", "feeplan": "flat"}""", "feeplan: not a field of a merchant (name, mcc, country, feePlan, challenge)")]
    [InlineData("M1", """{"mid": "M2", "name": "Shop", "mcc": "5411", "country": "CN"}""", "mid: the body names another mid than the path (M1)")]
    public void A_merchant_body_breaking_a_rule_is_refused_naming_the_field(string mid, string body, string error)
    {
        Assert.False(RegistryRequests.TryReadMerchant(mid, Json(body), out _, out var refused));

        Assert.Equal(error, refused);
    }

    [Theory]
    [InlineData("T1", """{"mid": "M1"}""", null)]
    [InlineData("T1", """{"tid": "T1", "mid": "M1"}""", null)]
    [InlineData("T000000001", """{"mid": "M1"}""", "tid: 'T000000001' must be 1 to 8 printable ASCII characters without spaces")]
    [InlineData("T1", "{}", "mid: is required")]
    [InlineData("T1", """{"mid": ["M1"]}""", "mid: a string is expected")]
    [InlineData("T1", """{"mid": "M1", "merchant": "M1"}""", "merchant: not a field of a terminal (mid, masterKey)")]
    public void A_terminal_body_names_its_merchant(string tid, string body, string? error)
    {
        var read = RegistryRequests.TryReadTerminal(tid, Json(body), Keys, out var command, out var refused);

        Assert.Equal(error, refused);
        Assert.Equal(error is null, read);
        Assert.Equal(error is null ? new RegisterTerminal(new TerminalRegistration(tid, "M1"), KeepKey: true) : null, command);
    }

    [Fact]
    public void A_master_key_is_sealed_at_once_and_opens_only_for_its_terminal()
    {
        Assert.True(RegistryRequests.TryReadTerminal("T1", Json("""{"mid": "M1", "masterKey": "2b7e151628aed2a6abf7158809cf4f3c"}"""), Keys, out var command, out _));

        var key = command.Terminal.Key!;
        Assert.False(command.KeepKey);
        Assert.Equal(MacKeys.CheckValue(Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c")), key.CheckValue);
        Assert.DoesNotContain("2b7e1516", Convert.ToHexString(key.Sealed), StringComparison.OrdinalIgnoreCase);
        var opened = new byte[16];
        Assert.True(Keys.TryOpen("T1", key, opened));
        Assert.Equal("2B7E151628AED2A6ABF7158809CF4F3C", Convert.ToHexString(opened));
        Assert.False(Keys.TryOpen("T2", key, opened));
    }

    [Fact]
    public void A_null_master_key_removes_the_key()
    {
        Assert.True(RegistryRequests.TryReadTerminal("T1", Json("""{"mid": "M1", "masterKey": null}"""), Keys, out var command, out _));

        Assert.Equal(new RegisterTerminal(new TerminalRegistration("T1", "M1"), KeepKey: false), command);
    }

    [Theory]
    [InlineData("""{"mid": "M1", "masterKey": "2b7e151628aed2a6abf7158809cf4f"}""")]
    [InlineData("""{"mid": "M1", "masterKey": "2b7e151628aed2a6abf7158809cf4fzz"}""")]
    [InlineData("""{"mid": "M1", "masterKey": 12}""")]
    public void A_malformed_master_key_is_refused_without_repeating_it(string body)
    {
        Assert.False(RegistryRequests.TryReadTerminal("T1", Json(body), Keys, out _, out var refused));

        Assert.Equal("masterKey: 32 hex digits (an AES-128 key) or null are expected", refused);
    }

    [Theory]
    [InlineData("""{"name": """, "body: malformed JSON")]
    [InlineData("", "body: malformed JSON")]
    [InlineData("""["M1"]""", "body: a JSON object is expected")]
    public async Task A_body_that_is_not_a_json_object_is_refused(string body, string error)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));

        var (_, refused) = await RegistryRequests.ReadObjectAsync(stream, CancellationToken.None);

        Assert.StartsWith(error, refused, StringComparison.Ordinal);
    }

    private static TerminalKeyCipher Keys { get; } = new(new byte[32]);

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
