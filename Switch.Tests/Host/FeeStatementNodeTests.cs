using System.Net;
using System.Text.Json;
using Switch.Tests.Support;

namespace Switch.Tests.Host;

/// <summary>Fees end to end: an approval through a node charged under the merchant's plan, journaled, and read back as its statement.</summary>
public sealed class FeeStatementNodeTests : IAsyncLifetime
{
    private const string Tid = "T0000001";

    // Disposed in DisposeAsync (IAsyncLifetime), which the analyzer does not know of.
    private AcquirerAndJournal World { get; } = new();

    private TestNode Node { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Node = await TestNode.StartAsync(new NodeConfig(World.Config.DatabasePath) { FeePlan = "std-2026", Acquirers = { (AcquirerAndJournal.Acquirer, World.EndPoint) } });
        await Node.WaitForRouteAsync(AcquirerAndJournal.Acquirer);
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        await World.DisposeAsync();
    }

    [Fact]
    public async Task An_approval_is_charged_under_the_plan_in_force_and_shows_on_the_merchants_statement()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        await using var terminal = await FramedClient.ConnectAsync(Node.TerminalEndPoint);
        await terminal.SendRawAsync(TerminalMessages.SignOn(Tid, 1));
        await terminal.ReceiveMessageAsync();
        await terminal.SendRawAsync(TerminalMessages.Purchase(Tid, 2, 125_000));
        var approved = await terminal.ReceiveMessageAsync();
        await terminal.SendRawAsync(TerminalMessages.Purchase(Tid, 3, 1_051));
        Assert.Equal("51", (await terminal.ReceiveMessageAsync())[39]);

        var to = DateTimeOffset.UtcNow.AddMinutes(1);
        using var response = await Node.Admin.GetAsync($"/api/merchants/{NodeConfig.Mid}/fees?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var statement = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        // 0.60% of 1,250.00 is 7.50: 750 minor units; no acquirer cost is configured, so all of it is margin.
        var line = Assert.Single(statement.GetProperty("transactions").EnumerateArray());
        Assert.Equal((approved[37], 125_000L, "std-2026", 750L, 750L),
            (line.GetProperty("rrn").GetString(), line.GetProperty("amount").GetInt64(), line.GetProperty("feePlan").GetString(), line.GetProperty("fee").GetInt64(), line.GetProperty("margin").GetInt64()));
        Assert.Equal(750L, statement.GetProperty("totals").GetProperty("fee").GetInt64());
    }
}
