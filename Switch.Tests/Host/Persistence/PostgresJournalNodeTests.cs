using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serilog.Core;
using Switch.Host.Configuration;
using Switch.Host.Persistence;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;
using static Switch.Tests.Host.Admin.RegistryTraffic;

namespace Switch.Tests.Host.Persistence;

/// <summary>
/// Whole nodes on the PostgreSQL journal, each test on a database of its own: the tables a first
/// start creates, what a node journals and a node started after it on the same database reads
/// back (duplicates, history, fee statements, the registry, fee plans, issued RRNs).
/// </summary>
public sealed class PostgresJournalNodeTests : IAsyncLifetime
{
    /// <summary>Its own name: link states on the process-wide meter are kept by acquirer name.</summary>
    private const string Acquirer = "pg-journal-sim";

    private const string Tid = "T0000001";

    private PostgresDatabase? _database;

    private NodeConfig? _config;

    private AcquirerSimulator Simulator { get; } = new(new AcquirerSimulatorOptions(), Logger.None);

    private PostgresDatabase Database => _database ?? throw new InvalidOperationException("the database was not created");

    public async Task InitializeAsync()
    {
        Simulator.Start();
        _database = await PostgresDatabase.CreateAsync();
        // The overlay goes to a folder of its own; the journal is the database.
        _config = new NodeConfig(NodeConfig.WithNewDatabase().DatabasePath)
        {
            PostgresConnectionString = _database.ConnectionString,
            FeePlan = "std-2026",
            Acquirers = { (Acquirer, Simulator.LocalEndPoint) },
        };
    }

    public async Task DisposeAsync()
    {
        await Simulator.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _config?.Delete();
    }

    [Fact]
    public async Task A_first_start_creates_the_tables_and_after_a_restart_a_retransmission_gets_the_original_answer_without_a_second_authorization()
    {
        Assert.Empty(await Database.TablesAsync());
        var purchase = TerminalMessages.Purchase(Tid, stan: 2, amount: 4200);
        ReceivedMessage original;
        await using (var node = await StartAsync())
        {
            Assert.Subset(new HashSet<string> { "journal", "tags", "snapshot" }, (await Database.TablesAsync()).ToHashSet());
            using var ready = await node.Admin.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

            await using var terminal = await SignedOnAsync(node, Tid);
            await terminal.SendRawAsync(purchase);
            original = await terminal.ReceiveMessageAsync();
            Assert.Equal("00", original[39]);
            Assert.Contains("switch.events.v1.TransactionCompleted", await Database.ColumnAsync(
                "SELECT manifest FROM journal WHERE persistence_id = @id ORDER BY sequence_number", ("id", $"terminal-{Tid}")));
        }

        await using (var restarted = await StartAsync())
        {
            await using var terminal = await FramedClient.ConnectAsync(restarted.TerminalEndPoint);
            await terminal.SendRawAsync(purchase);
            var again = await terminal.ReceiveMessageAsync();

            Assert.Equal(original.Bytes, again.Bytes);
            Assert.Single(Simulator.Ledger.Entries, e => e.Mti == "0200");
        }
    }

    [Fact]
    public async Task The_history_by_rrn_and_the_merchants_fee_statement_are_read_from_postgresql_by_the_node_and_by_the_next()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        string rrn;
        string history;
        await using (var node = await StartAsync())
        {
            await using var terminal = await SignedOnAsync(node, Tid);
            await terminal.SendRawAsync(TerminalMessages.Purchase(Tid, stan: 2, amount: 125_000));
            rrn = (await terminal.ReceiveMessageAsync())[37];

            history = await node.Admin.GetStringAsync(new Uri($"/api/transactions/{rrn}", UriKind.Relative));
            using var events = JsonDocument.Parse(history);
            Assert.Equal(
                ["switch.events.v1.TransactionStarted", "switch.events.v1.TransactionCompleted"],
                events.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
            Assert.Contains("476173******0010", history, StringComparison.Ordinal);
            Assert.DoesNotContain(TerminalMessages.Pan, history, StringComparison.Ordinal);
            // 0.60% (std-2026) of 1,250.00.
            Assert.Equal((rrn, 750L), SingleFee(await StatementAsync(node, NodeConfig.Mid, from)));
        }

        await using var restarted = await StartAsync();
        Assert.Equal(history, await restarted.Admin.GetStringAsync(new Uri($"/api/transactions/{rrn}", UriKind.Relative)));
        Assert.Equal((rrn, 750L), SingleFee(await StatementAsync(restarted, NodeConfig.Mid, from)));
    }

    [Fact]
    public async Task Registry_and_fee_plan_changes_made_through_the_api_survive_a_restart()
    {
        const string Mid = "MPG000000000001";
        const string NewTid = "TPG00001";
        await using (var node = await StartAsync())
        {
            using var plan = await node.Admin.PutAsync("/api/fee-plans/pg-plan", """{"cardRate": "0.55%", "qrRate": "0.38%", "changedBy": "ops@example"}""");
            using var merchant = await node.Admin.PutAsync($"/api/merchants/{Mid}", """{"name": "Durable", "mcc": "5732", "country": "CN", "feePlan": "pg-plan"}""");
            using var terminal = await node.Admin.PutAsync($"/api/terminals/{NewTid}", $$"""{"mid": "{{Mid}}"}""");
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created], [plan.StatusCode, merchant.StatusCode, terminal.StatusCode]);
        }

        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        await using var restarted = await StartAsync();

        var versions = (await restarted.Admin.GetFromJsonAsync<JsonElement>(new Uri("/api/fee-plans/pg-plan", UriKind.Relative))).GetProperty("versions");
        var version = Assert.Single(versions.EnumerateArray().ToList());
        Assert.Equal(("0.55%", "ops@example"), (version.GetProperty("cardRate").GetString(), version.GetProperty("changedBy").GetString()));
        var stored = await restarted.Admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/merchants/{Mid}", UriKind.Relative));
        Assert.Equal(("Durable", "pg-plan"), (stored.GetProperty("name").GetString(), stored.GetProperty("feePlan").GetString()));

        await using var client = await SignedOnAsync(restarted, NewTid);
        var reply = await PurchaseAsync(client, NewTid, Mid, stan: 2, amount: 100_000);
        Assert.Equal("00", reply[39]);
        Assert.Equal((Mid, "5732"), await JournaledMerchantAsync(restarted, reply[37]));
        // 0.55% of 1,000.00: charged under the plan version made through the API before the restart.
        Assert.Equal((reply[37], 550L), SingleFee(await StatementAsync(restarted, Mid, from)));
    }

    [Fact]
    public async Task After_a_restart_rrns_continue_after_the_highest_in_the_tag_table_even_ahead_of_the_clock()
    {
        await using (var node = await StartAsync())
        {
            await using var terminal = await SignedOnAsync(node, Tid);
            await terminal.SendRawAsync(TerminalMessages.Purchase(Tid, stan: 2, amount: 1000));
            Assert.Equal("00", (await terminal.ReceiveMessageAsync())[39]);
        }

        // As if a burst had run the generator a day ahead before the restart.
        var tomorrow = DateTime.UtcNow.Date.AddDays(1);
        var ahead = string.Create(CultureInfo.InvariantCulture, $"{tomorrow.Year % 10}{tomorrow.DayOfYear:D3}00000500");
        await Database.ExecuteAsync(
            "INSERT INTO tags (ordering_id, tag, sequence_nr, persistence_id) VALUES ((SELECT MAX(ordering_id) + 1 FROM tags), @tag, 1, @id)",
            ("tag", "rrn:" + ahead), ("id", $"terminal-{Tid}"));

        await using var restarted = await StartAsync();
        await using var client = await FramedClient.ConnectAsync(restarted.TerminalEndPoint);
        await client.SendRawAsync(TerminalMessages.Purchase(Tid, stan: 3, amount: 1000));
        var reply = await client.ReceiveMessageAsync();

        Assert.Equal("00", reply[39]);
        Assert.Equal(long.Parse(ahead, CultureInfo.InvariantCulture) + 1, long.Parse(reply[37], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_terminals_that_journaled_recently_are_read_back_for_waking_after_a_crash()
    {
        await using (var node = await StartAsync())
        {
            await using var terminal = await SignedOnAsync(node, Tid);
            await terminal.SendRawAsync(TerminalMessages.Purchase(Tid, stan: 2, amount: 1000));
            Assert.Equal("00", (await terminal.ReceiveMessageAsync())[39]);
        }

        var tids = await RecentTerminals.ReadAsync(new JournalSettings(JournalProvider.PostgreSql, Database.ConnectionString), TimeSpan.FromMinutes(20));

        Assert.Equal([Tid], tids);
    }

    /// <summary>A node on this test's database with the std-2026 plan, its link to the simulator up.</summary>
    private async Task<TestNode> StartAsync()
    {
        var node = await TestNode.StartAsync(_config ?? throw new InvalidOperationException("the node was not configured"));
        await node.WaitForRouteAsync(Acquirer);
        return node;
    }

    private static async Task<JsonElement> StatementAsync(TestNode node, string mid, DateTimeOffset from)
    {
        var to = DateTimeOffset.UtcNow.AddMinutes(1);
        using var response = await node.Admin.GetAsync(new Uri(
            $"/api/merchants/{mid}/fees?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static (string? Rrn, long Fee) SingleFee(JsonElement statement)
    {
        var line = Assert.Single(statement.GetProperty("transactions").EnumerateArray().ToList());
        return (line.GetProperty("rrn").GetString(), line.GetProperty("fee").GetInt64());
    }
}
