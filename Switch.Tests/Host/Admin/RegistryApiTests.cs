using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switch.Tests.Support;
using static Switch.Tests.Host.Admin.RegistryTraffic;

namespace Switch.Tests.Host.Admin;

/// <summary>
/// The registry's admin endpoints over HTTP against a whole node, and what terminals see of a
/// change. Each test uses merchants and terminals of its own.
/// </summary>
public sealed class RegistryApiTests : IClassFixture<SwitchNodeFixture>
{
    private readonly SwitchNodeFixture _fixture;

    public RegistryApiTests(SwitchNodeFixture fixture)
    {
        _fixture = fixture;
    }

    private TestNode Node => _fixture.Node;

    private HttpClient Admin => Node.Admin;

    [Theory]
    [InlineData("PUT", "/api/merchants/M1")]
    [InlineData("PUT", "/api/terminals/T0000001")]
    [InlineData("GET", "/api/merchants/M00000000000001")]
    [InlineData("GET", "/api/terminals/T0000001")]
    public async Task The_registry_endpoints_refuse_a_request_without_the_token(string method, string path)
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri($"http://{Node.AdminEndPoint}") };
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = method == "PUT" ? JsonContent.Create(new { mid = NodeConfig.Mid }) : null,
        };

        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var check = await Admin.GetAsync(new Uri("/api/merchants/M1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, check.StatusCode);
    }

    [Theory]
    [InlineData("/api/merchants/MB1", """{"name": "Shop", "mcc": "54x1", "country": "CN"}""", "mcc: '54x1' is not 4 digits")]
    [InlineData("/api/merchants/MB2", """{"name": "Shop", "mcc": "5411", "country": "cn"}""", "country: 'cn' is not an ISO 3166 alpha-2 code in capitals, such as CN")]
    [InlineData("/api/merchants/MB3", """{"name": "Shop", "mcc": "5411", "country": "CN", "challenge": "sometimes"}""", "challenge: 'sometimes' is not one of always, risk, never")]
    [InlineData("/api/merchants/MB4", """{"mcc": "5411", "country": "CN"}""", "name: is required")]
    [InlineData("/api/merchants/M00000000000000B", """{"name": "Shop", "mcc": "5411", "country": "CN"}""", "mid: 'M00000000000000B' must be 1 to 15 printable ASCII characters without spaces")]
    [InlineData("/api/merchants/MB5", """{"name": "Shop", """, "body: malformed JSON")]
    [InlineData("/api/terminals/TB000001X", """{"mid": "M00000000000001"}""", "tid: 'TB000001X' must be 1 to 8 printable ASCII characters without spaces")]
    [InlineData("/api/terminals/TB000002", """{"mid": "MNOSUCH"}""", "mid: no merchant 'MNOSUCH' is registered")]
    [InlineData("/api/terminals/TB000003", """{"mid": 42}""", "mid: a string is expected")]
    public async Task A_change_breaking_a_rule_is_answered_400_naming_the_field_and_changes_nothing(string path, string body, string error)
    {
        using var response = await Admin.PutAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(error, await response.ErrorAsync(), StringComparison.Ordinal);
        using var after = await Admin.GetAsync(new Uri(path, UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_merchant_is_created_201_replaced_200_and_read_back()
    {
        using var created = await Admin.PutAsync("/api/merchants/MC1", """{"name": "Corner Shop", "mcc": "5411", "country": "CN", "feePlan": "flat-1"}""");
        using var replaced = await Admin.PutAsync("/api/merchants/MC1", """{"name": "Corner Shop and Co", "mcc": "5499", "country": "HK", "challenge": "never"}""");
        var read = await Admin.GetFromJsonAsync<JsonElement>(new Uri("/api/merchants/MC1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/merchants/MC1", created.Headers.Location?.OriginalString);
        Assert.Equal("risk", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challenge").GetString());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(
            """{"mid":"MC1","name":"Corner Shop and Co","mcc":"5499","country":"HK","challenge":"never","feePlan":null}""",
            read.GetRawText());
    }

    [Fact]
    public async Task A_terminal_is_created_201_replaced_200_and_read_back()
    {
        using var created = await Admin.PutAsync("/api/terminals/TC000001", $$"""{"mid": "{{NodeConfig.Mid}}"}""");
        using var again = await Admin.PutAsync("/api/terminals/TC000001", $$"""{"tid": "TC000001", "mid": "{{NodeConfig.Mid}}"}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/terminals/TC000001", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(
            $$"""{"tid":"TC000001","mid":"{{NodeConfig.Mid}}"}""",
            (await Admin.GetFromJsonAsync<JsonElement>(new Uri("/api/terminals/TC000001", UriKind.Relative))).GetRawText());
    }

    [Fact]
    public async Task An_id_holding_a_slash_is_sent_and_linked_as_percent_2F()
    {
        using var created = await Admin.PutAsync("/api/merchants/M-1%2F2", """{"name": "Slash", "mcc": "5411", "country": "CN"}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/merchants/M-1%2F2", created.Headers.Location?.OriginalString);
        var read = await Admin.GetFromJsonAsync<JsonElement>(created.Headers.Location);
        Assert.Equal("M-1/2", read.GetProperty("mid").GetString());
    }

    [Theory]
    [InlineData("/api/merchants/MNOSUCH", HttpStatusCode.NotFound, "no merchant 'MNOSUCH' is registered")]
    [InlineData("/api/terminals/T0000999", HttpStatusCode.NotFound, "no terminal 'T0000999' is registered")]
    [InlineData("/api/terminals/T00009999", HttpStatusCode.BadRequest, "tid: 'T00009999' must be 1 to 8 printable ASCII characters without spaces")]
    public async Task Reading_an_unknown_or_malformed_id_says_so(string path, HttpStatusCode status, string error)
    {
        using var response = await Admin.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(error, await response.ErrorAsync());
    }

    [Fact]
    public async Task The_seeded_registry_is_served_as_the_configuration_gives_it()
    {
        var merchant = await Admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/merchants/{NodeConfig.Mid}", UriKind.Relative));
        var terminal = await Admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/terminals/{NodeConfig.Tid(1)}", UriKind.Relative));

        Assert.Equal("5411", merchant.GetProperty("mcc").GetString());
        Assert.Equal(NodeConfig.Mid, terminal.GetProperty("mid").GetString());
    }

    [Fact]
    public async Task A_terminal_registered_only_through_the_api_signs_on_and_transacts_under_its_merchant()
    {
        const string tid = "TA000001";
        const string mid = "MA0000000000001";
        using (await Admin.PutAsync($"/api/merchants/{mid}", """{"name": "API Cafe", "mcc": "5814", "country": "CN"}"""))
        using (var registered = await Admin.PutAsync($"/api/terminals/{tid}", $$"""{"mid": "{{mid}}"}"""))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        await using var client = await SignedOnAsync(Node, tid);
        var reply = await PurchaseAsync(client, tid, mid, stan: 2);

        Assert.Equal("00", reply[39]);
        Assert.Equal((mid, "5814"), await JournaledMerchantAsync(Node, reply[37]));
    }

    [Fact]
    public async Task A_terminal_moved_to_another_merchant_is_served_under_it_from_its_next_request()
    {
        var tid = NodeConfig.Tid(40);
        const string mid = "MM0000000000001";
        await using var client = await SignedOnAsync(Node, tid);
        var before = await PurchaseAsync(client, tid, NodeConfig.Mid, stan: 2);

        using (await Admin.PutAsync($"/api/merchants/{mid}", """{"name": "Moved To", "mcc": "5812", "country": "CN"}"""))
        using (var moved = await Admin.PutAsync($"/api/terminals/{tid}", $$"""{"mid": "{{mid}}"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        var after = await PurchaseAsync(client, tid, mid, stan: 3);

        Assert.Equal((NodeConfig.Mid, "5411"), await JournaledMerchantAsync(Node, before[37]));
        Assert.Equal("00", after[39]);
        Assert.Equal((mid, "5812"), await JournaledMerchantAsync(Node, after[37]));
    }

    [Fact]
    public async Task A_merchant_changed_through_the_api_is_what_its_terminals_carry_next()
    {
        const string mid = "MR0000000000001";
        const string tid = "TR000001";
        using (await Admin.PutAsync($"/api/merchants/{mid}", """{"name": "Before", "mcc": "5411", "country": "CN"}"""))
        using (await Admin.PutAsync($"/api/terminals/{tid}", $$"""{"mid": "{{mid}}"}"""))
        {
        }

        await using var client = await SignedOnAsync(Node, tid);
        await PurchaseAsync(client, tid, mid, stan: 2);
        using (var changed = await Admin.PutAsync($"/api/merchants/{mid}", """{"name": "After", "mcc": "5999", "country": "CN"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        var reply = await PurchaseAsync(client, tid, mid, stan: 3);

        Assert.Equal((mid, "5999"), await JournaledMerchantAsync(Node, reply[37]));
    }
}
