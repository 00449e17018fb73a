using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Admin;

/// <summary>The fee plan and statement endpoints over HTTP against a whole node. Each test uses plans of its own.</summary>
public sealed class FeePlanApiTests : IClassFixture<SwitchNodeFixture>
{
    private const string Future = "2099-12-01T00:00:00Z";

    private readonly SwitchNodeFixture _fixture;

    public FeePlanApiTests(SwitchNodeFixture fixture)
    {
        _fixture = fixture;
    }

    private TestNode Node => _fixture.Node;

    private HttpClient Admin => Node.Admin;

    [Theory]
    [InlineData("PUT", "/api/fee-plans/P401")]
    [InlineData("GET", "/api/fee-plans/std-2026")]
    [InlineData("GET", "/api/merchants/" + NodeConfig.Mid + "/fees?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z")]
    public async Task The_fee_endpoints_refuse_a_request_without_the_token(string method, string path)
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri($"http://{Node.AdminEndPoint}") };
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = method == "PUT" ? JsonContent.Create(new { cardRate = "0.60%", qrRate = "0.38%", changedBy = "ops" }) : null,
        };

        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var check = await Admin.GetAsync(new Uri("/api/fee-plans/P401", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, check.StatusCode);
    }

    [Fact]
    public async Task The_configured_plan_is_served_as_version_1_changed_by_configuration()
    {
        var plan = await Admin.GetFromJsonAsync<JsonElement>(new Uri("/api/fee-plans/std-2026", UriKind.Relative));

        Assert.Equal(1, plan.GetProperty("inForce").GetInt32());
        var version = Assert.Single(plan.GetProperty("versions").EnumerateArray().ToList());
        Assert.Equal("0.60%", version.GetProperty("cardRate").GetString());
        Assert.Equal("0.38%", version.GetProperty("qrRate").GetString());
        Assert.Equal("1970-01-01T00:00:00Z", version.GetProperty("effectiveFrom").GetString());
        Assert.Equal("configuration", version.GetProperty("changedBy").GetString());
    }

    [Fact]
    public async Task Each_put_adds_a_version_201_and_the_plan_shows_every_version_with_who_and_when()
    {
        using var first = await Admin.PutAsync("/api/fee-plans/PC1", """{"cardRate": "0.55%", "qrRate": "0.38%", "changedBy": "ops@example"}""");
        using var second = await Admin.PutAsync("/api/fee-plans/PC1", $$"""{"cardRate": "0.6025%", "qrRate": "0.38%", "cardFixed": 10, "qrFixed": 0, "effectiveFrom": "{{Future}}", "changedBy": "risk@example"}""");
        var plan = await Admin.GetFromJsonAsync<JsonElement>(new Uri("/api/fee-plans/PC1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("/api/fee-plans/PC1", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var added = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("PC1", 2, Future, "0.6025%", 10), (added.GetProperty("id").GetString(), added.GetProperty("version").GetInt32(), added.GetProperty("effectiveFrom").GetString(), added.GetProperty("cardRate").GetString(), added.GetProperty("cardFixed").GetInt64()));
        Assert.Equal(1, plan.GetProperty("inForce").GetInt32());
        var versions = plan.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(["ops@example", "risk@example"], versions.Select(v => v.GetProperty("changedBy").GetString()));
        Assert.All(versions, v => Assert.InRange(DateTimeOffset.Parse(v.GetProperty("changedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData("""{"cardRate": "0.6", "qrRate": "0.38%", "changedBy": "ops"}""", "cardRate: '0.6' is not a percentage such as 0.60%")]
    [InlineData("""{"cardRate": 0.6, "qrRate": "0.38%", "changedBy": "ops"}""", "cardRate: a percentage as a string, such as \"0.60%\", is expected")]
    [InlineData("""{"cardRate": "-0.60%", "qrRate": "0.38%", "changedBy": "ops"}""", "cardRate: '-0.60%' is negative; a rate is 0% or more")]
    [InlineData("""{"cardRate": "0.60%", "qrRate": "0.380001%", "changedBy": "ops"}""", "qrRate: '0.380001%' has more than 4 decimals; the finest rate is 0.0001%")]
    [InlineData("""{"cardRate": "0.60%", "changedBy": "ops"}""", "qrRate: is required")]
    [InlineData("""{"cardRate": "0.60%", "qrRate": "0.38%", "cardFixed": -1, "changedBy": "ops"}""", "cardFixed: -1 is not a whole number of minor units from 0 to 999999999999")]
    [InlineData("""{"cardRate": "0.60%", "qrRate": "0.38%", "qrFixed": 1.5, "changedBy": "ops"}""", "qrFixed: a whole number of minor units is expected")]
    [InlineData("""{"cardRate": "0.60%", "qrRate": "0.38%"}""", "changedBy: is required")]
    [InlineData("""{"cardRate": "0.60%", "qrRate": "0.38%", "changedBy": ""}""", "changedBy: must be 1 to 64 characters, not blank and without control characters")]
    [InlineData("""{"cardRate": "0.60%", "qrRate": "0.38%", "changedBy": "ops", "effectiveFrom": "2020-01-01T00:00:00Z"}""", "effectiveFrom: 2020-01-01T00:00:00Z is in the past")]
    [InlineData("""{"cardRate": "0.60%", "qrRate": "0.38%", "changedBy": "ops", "effectiveFrom": "2099-12-01T00:00:00"}""", "effectiveFrom: '2099-12-01T00:00:00' is not an ISO 8601 date-time with Z or an offset")]
    [InlineData("""{"cardRate": "0.60%", "qrRate": "0.38%", "changedBy": "ops", "rate": "1%"}""", "rate: not a field of a fee plan change")]
    [InlineData("""{"cardRate": "0.60%", """, "body: malformed JSON")]
    public async Task A_change_breaking_a_rule_is_answered_400_naming_the_field_and_adds_no_version(string body, string error)
    {
        using var response = await Admin.PutAsync("/api/fee-plans/PB1", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(error, await response.ErrorAsync(), StringComparison.Ordinal);
        using var after = await Admin.GetAsync(new Uri("/api/fee-plans/PB1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Theory]
    [InlineData("/api/fee-plans/PNOSUCH", HttpStatusCode.NotFound, "no fee plan 'PNOSUCH' exists")]
    [InlineData("/api/merchants/MNOSUCH/fees?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z", HttpStatusCode.NotFound, "no merchant 'MNOSUCH' is registered")]
    [InlineData("/api/merchants/" + NodeConfig.Mid + "/fees?to=2026-02-01T00:00:00Z", HttpStatusCode.BadRequest, "from: is required")]
    [InlineData("/api/merchants/" + NodeConfig.Mid + "/fees?from=yesterday&to=2026-02-01T00:00:00Z", HttpStatusCode.BadRequest, "from: 'yesterday' is not an ISO 8601 date-time with Z or an offset, such as 2026-12-01T00:00:00Z")]
    [InlineData("/api/merchants/" + NodeConfig.Mid + "/fees?from=2026-02-01T00:00:00Z&to=2026-02-01T00:00:00Z", HttpStatusCode.BadRequest, "to: must be later than from")]
    public async Task Reading_an_unknown_plan_or_merchant_or_a_malformed_period_says_so(string path, HttpStatusCode status, string error)
    {
        using var response = await Admin.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(error, await response.ErrorAsync());
    }

    [Fact]
    public async Task A_merchant_s_statement_of_a_period_without_fees_has_zero_totals()
    {
        var statement = await Admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/merchants/{NodeConfig.Mid}/fees?from=2026-01-01T08:00:00%2B08:00&to=2026-02-01T00:00:00Z", UriKind.Relative));

        Assert.Equal(
            $$$"""{"mid":"{{{NodeConfig.Mid}}}","from":"2026-01-01T00:00:00Z","to":"2026-02-01T00:00:00Z","transactions":[],"totals":{"count":0,"amount":0,"fee":0,"acquirerCost":0,"margin":0}}""",
            statement.GetRawText());
    }
}
