using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switch.Tests.Support;
using static Switch.Tests.Host.Admin.RegistryTraffic;

namespace Switch.Tests.Host.Admin;

/// <summary>A node stopped and started again on the same SQLite journal keeps what was changed through the API, over its file.</summary>
public sealed class RegistryRestartTests : IAsyncLifetime
{
    private const string Tid = "TS000001";
    private const string Mid = "MS0000000000001";

    // Disposed by DisposeAsync (IAsyncLifetime), which the analyzer does not know of.
    private AcquirerAndJournal World { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task Changes_made_through_the_api_survive_a_restart_and_win_over_the_configuration()
    {
        await using (var node = await TestNode.StartAsync(World.Config))
        {
            using var merchant = await node.Admin.PutAsync($"/api/merchants/{Mid}", """{"name": "Survivor", "mcc": "5732", "country": "CN"}""");
            using var terminal = await node.Admin.PutAsync($"/api/terminals/{Tid}", $$"""{"mid": "{{Mid}}"}""");
            using var seeded = await node.Admin.PutAsync($"/api/merchants/{NodeConfig.Mid}", """{"name": "Renamed", "mcc": "5499", "country": "CN"}""");
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.OK], [merchant.StatusCode, terminal.StatusCode, seeded.StatusCode]);
        }

        await using var restarted = await TestNode.StartAsync(World.Config);
        await restarted.WaitForRouteAsync(AcquirerAndJournal.Acquirer);

        var renamed = await restarted.Admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/merchants/{NodeConfig.Mid}", UriKind.Relative));
        Assert.Equal("Renamed", renamed.GetProperty("name").GetString());
        await using var client = await SignedOnAsync(restarted, Tid);
        var reply = await PurchaseAsync(client, Tid, Mid, stan: 2);
        Assert.Equal("00", reply[39]);
        Assert.Equal((Mid, "5732"), await JournaledMerchantAsync(restarted, reply[37]));
        // Untouched through the API, the rest of the file's registry is served as before.
        await using var seededTerminal = await SignedOnAsync(restarted, NodeConfig.Tid(1));
    }
}
