using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serilog.Core;
using Switch.Tests.Support;
using Switch.Tests.Traffic.Sms;
using Switch.Traffic.Acquirer;
using Switch.Traffic.Cli;
using Switch.Traffic.Generator;
using Switch.Traffic.Provisioning;
using Switch.Traffic.Scenarios;
using Switch.Traffic.Sms;

namespace Switch.Tests.Traffic.Scenarios;

/// <summary>
/// Scenario runs through a whole node in this process (SQLite journal, the acquirer simulator, its
/// SMS webhook pointed at the sink), provisioned through the node's admin API as the run verb does.
/// </summary>
[Collection(TrafficRuns.Name)]
public sealed class ScenarioRunTests : IAsyncLifetime
{
    private AcquirerSimulator _simulator = null!;
    private SmsSink _sink = null!;
    private TestNode _node = null!;

    public async Task InitializeAsync()
    {
        _simulator = TrafficRunTests.Start(new AcquirerSimulatorOptions());
        _sink = await SinkClient.StartAsync();
        var config = new NodeConfig(NodeConfig.WithNewDatabase().DatabasePath) { Extra = $"switch.sms.webhook-url = \"{_sink.WebhookUrl}\"" };
        config.Acquirers.Add(("acq-sim", _simulator.LocalEndPoint));
        _node = await TestNode.StartAsync(config);
        await _node.WaitForRouteAsync("acq-sim");
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _node.Config.Delete();
        await _sink.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task A_mix_through_the_switch_adds_up_and_its_challenged_purchases_end_00()
    {
        var options = Options("purchase=3,challenge=2,wrong-code=1,reversal=1,decline=1", terminals: 4) with { Rate = 40, Duration = TimeSpan.FromSeconds(2) };
        using (var admin = Admin())
        {
            await Provisioner.ProvisionAsync(admin, options, feePlan: null, Logger.None, CancellationToken.None);
        }

        var results = await TrafficRun.RunAsync(options, Logger.None);

        Assert.Equal(0, results.Errors);
        Assert.Equal(results.Sent, results.Completed);
        Assert.Equal(results.Sent, results.Scenarios.Sum(s => s.Requests));
        Assert.All(results.Scenarios, s => Assert.True(s.Started > 0 && s.Started == s.Completed && s.Failed == 0, $"{s.Name}: {s.Started} started, {s.Completed} completed, {string.Join(",", s.Failures)}"));
        var byName = results.Scenarios.ToDictionary(s => s.Name);
        Assert.Equal(byName["challenge"].Started, byName["challenge"].ResponseCodes["00"]);
        Assert.Equal(3 * byName["challenge"].Started, byName["challenge"].Requests);
        Assert.Equal(byName["wrong-code"].Started, byName["wrong-code"].ResponseCodes["75"]);
        Assert.Equal(byName["purchase"].Started, byName["purchase"].ResponseCodes["00"]);
        Assert.Equal(byName["reversal"].Started, byName["reversal"].ResponseCodes["00"]);
        Assert.Equal(byName["decline"].Started, byName["decline"].ResponseCodes.Where(c => c.Key is "05" or "51").Sum(c => c.Value));
        // What reached the acquirer before each answer: one 0200 per plain, reversal, decline and passed challenge flow; none for a code typed wrong to the end.
        var purchases = _simulator.Ledger.Entries.Count(e => e.Mti == "0200");
        Assert.Equal(byName["purchase"].Started + byName["challenge"].Started + byName["reversal"].Started + byName["decline"].Started, purchases);
        Assert.Equal(byName["challenge"].Started + byName["wrong-code"].Started, _sink.Stats.Received);
    }

    [Fact]
    public async Task A_mac_run_puts_master_keys_and_every_request_and_answer_carries_a_mac_that_verifies()
    {
        var options = Options("purchase=3,reversal=1", terminals: 2) with { Rate = 20, Duration = TimeSpan.FromSeconds(2), Mac = true, FirstTerminal = 41 };
        using (var admin = Admin())
        {
            await Provisioner.ProvisionAsync(admin, options, feePlan: null, Logger.None, CancellationToken.None);
        }

        var results = await TrafficRun.RunAsync(options, Logger.None);

        Assert.Equal(2, results.SignedOn);
        Assert.Equal(0, results.Errors);
        Assert.True(results.Completed > 0);
        // Every answer 00: the switch checked every request's MAC (a failed check is answered 63).
        Assert.Equal(results.Completed, results.ResponseCodes["00"]);
        Assert.Equal(0, results.MacFailures);
        Assert.Contains(_simulator.Ledger.Entries, e => e.Tid == "T0000041" && e.Mti == "0200");
        Assert.Equal(JsonValueKind.String, (await GetAsync("/api/terminals/T0000041")).GetProperty("keyCheckValue").ValueKind);
        Assert.Equal(0, JsonDocument.Parse(ReportWriter.Json(results)).RootElement.GetProperty("macFailures").GetInt64());
    }

    [Fact]
    public async Task A_mac_run_without_the_admin_api_is_refused()
    {
        var exit = await TrafficCli.InvokeAsync(
            ["run", "--target", _node.TerminalEndPoint.ToString(), "--terminals", "1", "--closed-loop", "--duration", "200ms", "--mac",
             "--report", Path.Combine(Path.GetTempPath(), $"never-written-{Guid.NewGuid():N}")]);

        Assert.Equal(Usage.BadArguments, exit);
    }

    [Fact]
    public async Task Provisioning_registers_the_merchants_terminals_and_phones_and_may_be_repeated()
    {
        var options = Options("purchase=1,challenge=1", terminals: 2) with { Scenarios = Options("purchase=1,challenge=1", 2).Scenarios! with { ChallengeCards = 3 } };
        using var admin = Admin();

        await Provisioner.ProvisionAsync(admin, options, feePlan: null, Logger.None, CancellationToken.None);
        var counts = await Provisioner.ProvisionAsync(admin, options, "std-2026", Logger.None, CancellationToken.None);

        Assert.Equal((2, 2, 3), counts);
        Assert.Equal("always", (await GetAsync("/api/merchants/M00000000000002")).GetProperty("challenge").GetString());
        var plain = await GetAsync("/api/merchants/M00000000000001");
        Assert.Equal("never", plain.GetProperty("challenge").GetString());
        Assert.Equal("std-2026", plain.GetProperty("feePlan").GetString());
        Assert.Equal("M00000000000001", (await GetAsync("/api/terminals/T0000001")).GetProperty("mid").GetString());
        Assert.Equal("M00000000000002", (await GetAsync("/api/terminals/T0000002")).GetProperty("mid").GetString());
    }

    [Fact]
    public async Task A_refusal_carries_the_apis_error_and_a_wrong_token_exits_the_run_verb_1()
    {
        using var admin = Admin();
        var refused = await Assert.ThrowsAsync<ProvisioningException>(() =>
            admin.PutMerchantAsync("MBAD1", new MerchantBody("Shop", "54x1", "CN", "never"), CancellationToken.None));
        Assert.Equal("PUT /api/merchants/MBAD1: HTTP 400: mcc: '54x1' is not 4 digits", refused.Message);

        using var wrongToken = new AdminClient(AdminUri, "not-the-token");
        var unauthorized = await Assert.ThrowsAsync<ProvisioningException>(() => wrongToken.PutTerminalAsync("T0000001", "M00000000000001", CancellationToken.None));
        Assert.StartsWith("PUT /api/terminals/T0000001: HTTP 401: the admin token was refused", unauthorized.Message, StringComparison.Ordinal);

        var exit = await TrafficCli.InvokeAsync(
            ["run", "--target", _node.TerminalEndPoint.ToString(), "--terminals", "1", "--closed-loop", "--duration", "200ms",
             "--admin", AdminUri.ToString(), "--admin-token", "not-the-token", "--report", Path.Combine(Path.GetTempPath(), $"never-written-{Guid.NewGuid():N}")]);
        Assert.Equal(RunCommand.SetupFailed, exit);
    }

    private Uri AdminUri => new($"http://{_node.AdminEndPoint}");

    private AdminClient Admin() => new(AdminUri, NodeConfig.Token);

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _node.Admin.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private RunOptions Options(string mix, int terminals)
    {
        Assert.True(ScenarioMix.TryParse(mix, out var parsed, out var error), error);
        return new RunOptions
        {
            Target = _node.TerminalEndPoint,
            Terminals = terminals,
            Duration = TimeSpan.FromSeconds(1),
            Timeout = TimeSpan.FromSeconds(5),
            Scenarios = new ScenarioOptions { Mix = parsed, Sms = _sink, ChallengeCards = 50 },
        };
    }
}
