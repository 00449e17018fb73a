using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.Actor;
using Switch.Actors.Serialization;
using Switch.Tests.Actors.Serialization;
using Switch.Tests.Support;

namespace Switch.Tests.Host;

/// <summary>
/// The authorization path through a whole node over real sockets: terminals on the terminal port,
/// the acquirer simulator behind the node's links, the admin API over HTTP.
/// </summary>
public sealed class SwitchNodeTests : IClassFixture<SwitchNodeFixture>
{
    private readonly SwitchNodeFixture _fixture;

    public SwitchNodeTests(SwitchNodeFixture fixture)
    {
        _fixture = fixture;
    }

    private TestNode Node => _fixture.Node;

    [Fact]
    public async Task Sign_on_echo_and_sign_off_are_answered_00()
    {
        await using var terminal = await FramedClient.ConnectAsync(Node.TerminalEndPoint);

        foreach (var (stan, code) in new[] { (1, 1), (2, 301), (3, 2) })
        {
            await terminal.SendRawAsync(TerminalMessages.NetworkManagement(NodeConfig.Tid(1), stan, code));
            var reply = await terminal.ReceiveMessageAsync();
            Assert.Equal(810, reply.Mti);
            Assert.Equal("00", reply[39]);
            Assert.Equal(code.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), reply[70]);
        }
    }

    [Theory]
    [InlineData(2, 1000, "00")]
    [InlineData(3, 1051, "51")]
    [InlineData(4, 2005, "05")]
    public async Task A_purchase_is_answered_by_the_acquirer_behind_the_secondary_link_while_the_primary_is_down(int terminal, long amount, string code)
    {
        await using var client = await SignedOnAsync(NodeConfig.Tid(terminal));

        await client.SendRawAsync(TerminalMessages.Purchase(NodeConfig.Tid(terminal), stan: 10, amount));
        var reply = await client.ReceiveMessageAsync();

        Assert.Equal(210, reply.Mti);
        Assert.Equal(code, reply[39]);
        Assert.Matches("^[0-9]{12}$", reply[37]);
        if (code == "00")
        {
            Assert.Matches("^[0-9]{6}$", reply[38]);
        }

        var seen = Assert.Single(_fixture.Simulator.Ledger.Entries, e => e.Rrn == reply[37]);
        Assert.Equal(amount, seen.Amount);
        Assert.Equal(NodeConfig.Tid(terminal), seen.Tid);
    }

    [Fact]
    public async Task An_unanswered_purchase_gets_68_and_its_reversal_reaches_the_acquirer()
    {
        await using var client = await SignedOnAsync(NodeConfig.Tid(5));

        await client.SendRawAsync(TerminalMessages.Purchase(NodeConfig.Tid(5), stan: 10, amount: 10091));
        var reply = await client.ReceiveMessageAsync();

        Assert.Equal("68", reply[39]);
        await Eventually.AssertAsync(() => Assert.Contains(
            _fixture.Simulator.Ledger.Reversals,
            r => r.Rrn == reply[37] && r.ResponseCode == "00"));
    }

    [Fact]
    public async Task A_retransmission_gets_the_original_answer_and_a_different_request_on_a_live_stan_gets_94()
    {
        await using var client = await SignedOnAsync(NodeConfig.Tid(6));
        var slow = TerminalMessages.Purchase(NodeConfig.Tid(6), stan: 20, amount: 20091);

        await client.SendRawAsync(slow);
        await client.SendRawAsync(TerminalMessages.Purchase(NodeConfig.Tid(6), stan: 20, amount: 2500));
        var clash = await client.ReceiveMessageAsync();
        var first = await client.ReceiveMessageAsync();
        await client.SendRawAsync(slow);
        var again = await client.ReceiveMessageAsync();

        Assert.Equal("94", clash[39]);
        Assert.Equal("68", first[39]);
        Assert.Equal(first.Bytes, again.Bytes);
        Assert.Single(_fixture.Simulator.Ledger.Entries, e => e.Mti == "0200" && e.Rrn == first[37]);
        Assert.DoesNotContain(_fixture.Simulator.Ledger.Entries, e => e.Tid == NodeConfig.Tid(6) && e.Amount == 2500);
    }

    [Fact]
    public async Task A_terminal_reversal_reaches_the_acquirer_and_shows_in_the_history()
    {
        await using var client = await SignedOnAsync(NodeConfig.Tid(24));
        await client.SendRawAsync(TerminalMessages.Purchase(NodeConfig.Tid(24), stan: 70, amount: 7700));
        var purchase = await client.ReceiveMessageAsync();

        await client.SendRawAsync(TerminalMessages.Reversal(NodeConfig.Tid(24), stan: 70, amount: 7700));
        var reversal = await client.ReceiveMessageAsync();

        Assert.Equal("00", purchase[39]);
        Assert.Equal(410, reversal.Mti);
        Assert.Equal("00", reversal[39]);
        Assert.Equal(purchase[37], reversal[37]);
        await Eventually.AssertAsync(() => Assert.Contains(_fixture.Simulator.Ledger.Reversals, r => r.Rrn == purchase[37] && r.ResponseCode == "00"));
        var history = await Node.Admin.GetStringAsync(new Uri($"/api/transactions/{purchase[37]}", UriKind.Relative));
        Assert.Contains("switch.events.v1.TerminalReversalCompleted", history, StringComparison.Ordinal);
        Assert.Contains("switch.events.v1.ReversalQueued", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_terminal_and_a_terminal_not_signed_on_get_58()
    {
        await using var client = await FramedClient.ConnectAsync(Node.TerminalEndPoint);

        await client.SendRawAsync(TerminalMessages.SignOn("T0000999", stan: 1));
        var unknown = await client.ReceiveMessageAsync();
        await client.SendRawAsync(TerminalMessages.Purchase(NodeConfig.Tid(7), stan: 2, amount: 1000));
        var notSignedOn = await client.ReceiveMessageAsync();

        Assert.Equal("58", unknown[39]);
        Assert.Equal("58", notSignedOn[39]);
        Assert.DoesNotContain(_fixture.Simulator.Ledger.Entries, e => e.Tid == NodeConfig.Tid(7));
    }

    [Theory]
    [InlineData(9, "4761739001010011", "3012", 1000, "14")]
    [InlineData(10, TerminalMessages.Pan, "2001", 1000, "54")]
    [InlineData(11, TerminalMessages.Pan, "3012", 0, "13")]
    [InlineData(12, TerminalMessages.Pan, "3012", 100_000_001, "13")]
    public async Task A_request_breaking_a_rule_is_declined_without_reaching_the_acquirer(int terminal, string pan, string expiry, long amount, string code)
    {
        var tid = NodeConfig.Tid(terminal);
        await using var client = await SignedOnAsync(tid);

        await client.SendRawAsync(TerminalMessages.Purchase(tid, stan: 30, amount, pan, expiry));
        var reply = await client.ReceiveMessageAsync();

        Assert.Equal(code, reply[39]);
        Assert.DoesNotContain(_fixture.Simulator.Ledger.Entries, e => e.Rrn == reply[37]);
    }

    [Fact]
    public async Task An_unparseable_field_gets_30_and_the_connection_stays()
    {
        await using var client = await SignedOnAsync(NodeConfig.Tid(20));
        var bad = TerminalMessages.Purchase(NodeConfig.Tid(20), stan: 40, amount: 123_456_789);
        var amount = bad.AsSpan().IndexOf("000123456789"u8);
        "AB"u8.CopyTo(bad.AsSpan(amount + 4));

        await client.SendRawAsync(bad);
        var reply = await client.ReceiveMessageAsync();
        await client.SendRawAsync(TerminalMessages.NetworkManagement(NodeConfig.Tid(20), stan: 41, code: 301));
        var echo = await client.ReceiveMessageAsync();

        Assert.Equal("30", reply[39]);
        Assert.Equal("00", echo[39]);
    }

    [Fact]
    public async Task Garbage_closes_only_its_own_connection()
    {
        await using var honest = await SignedOnAsync(NodeConfig.Tid(21));
        await using var hostile = await FramedClient.ConnectAsync(Node.TerminalEndPoint);
        var oversized = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(oversized, ushort.MaxValue);

        await hostile.SendBytesAsync(oversized);
        await honest.SendRawAsync(TerminalMessages.Purchase(NodeConfig.Tid(21), stan: 50, amount: 1000));

        Assert.Null(await hostile.ReceiveAsync());
        Assert.Equal("00", (await honest.ReceiveMessageAsync())[39]);
    }

    [Fact]
    public async Task The_admin_api_shows_a_transaction_history_by_rrn_with_the_pan_masked()
    {
        await using var client = await SignedOnAsync(NodeConfig.Tid(22));
        await client.SendRawAsync(TerminalMessages.Purchase(NodeConfig.Tid(22), stan: 60, amount: 4200));
        var rrn = (await client.ReceiveMessageAsync())[37];

        var body = await Node.Admin.GetStringAsync(new Uri($"/api/transactions/{rrn}", UriKind.Relative));

        using var history = JsonDocument.Parse(body);
        var types = history.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["switch.events.v1.TransactionStarted", "switch.events.v1.TransactionCompleted"], types);
        Assert.Contains("476173******0010", body, StringComparison.Ordinal);
        Assert.DoesNotContain(TerminalMessages.Pan, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_show_each_link_state_the_open_terminal_connections_and_transactions_by_outcome()
    {
        await using var client = await SignedOnAsync(NodeConfig.Tid(23));
        await client.SendRawAsync(TerminalMessages.Purchase(NodeConfig.Tid(23), stan: 80, amount: 1000));
        Assert.Equal("00", (await client.ReceiveMessageAsync())[39]);

        // The gauge shows the link as it is now: on a loaded machine an echo can miss the fixture's
        // 1 s timeout and the link spends a moment reconnecting, so scrape until it shows up again.
        await Eventually.AssertAsync(async () =>
        {
            var text = await Node.Admin.GetStringAsync(new Uri("/metrics", UriKind.Relative));

            Assert.Matches($$"""switch_acquirer_link_up\{[^}]*acquirer="{{SwitchNodeFixture.Secondary}}"\} 1""", text);
            Assert.Matches($$"""switch_acquirer_link_up\{[^}]*acquirer="{{SwitchNodeFixture.Primary}}"\} 0""", text);
            Assert.Matches("""switch_terminal_connections\{[^}]*\} [1-9]""", text);
            Assert.Matches("""switch_transactions_total\{[^}]*outcome="answered"[^}]*response_code="00"[^}]*\} [1-9]""", text);
        });
    }

    [Theory]
    [InlineData("/api/transactions/12345", HttpStatusCode.BadRequest)]
    [InlineData("/api/transactions/999999999999", HttpStatusCode.NotFound)]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/health/ready", HttpStatusCode.OK)]
    [InlineData("/metrics", HttpStatusCode.OK)]
    public async Task Admin_endpoints_answer_with_the_token(string path, HttpStatusCode status)
    {
        using var response = await Node.Admin.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/transactions/123456789012", null)]
    [InlineData("/metrics", null)]
    [InlineData("/metrics", "Bearer wrong-token")]
    [InlineData("/metrics", "Basic dGVzdC1hZG1pbi10b2tlbi1vZi10aGUtdGVzdC1ub2Rlcw==")]
    public async Task Admin_endpoints_refuse_a_request_without_the_token(string path, string? authorization)
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri($"http://{Node.AdminEndPoint}") };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("token", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_node_serializes_every_cluster_message_with_the_cluster_message_serializer()
    {
        var system = Node.System;
        var connection = system.ActorOf(Props.Empty);
        try
        {
            foreach (var message in ClusterMessageSamples.All(connection).Values)
            {
                var serializer = system.Serialization.FindSerializerFor(message);
                Assert.IsType<ClusterMessageSerializer>(serializer);
                var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message);

                ClusterMessageSamples.AssertSame(message, system.Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, manifest));
            }
        }
        finally
        {
            system.Stop(connection);
        }
    }

    private async Task<FramedClient> SignedOnAsync(string tid)
    {
        var client = await FramedClient.ConnectAsync(Node.TerminalEndPoint);
        await client.SendRawAsync(TerminalMessages.SignOn(tid, stan: 1));
        var reply = await client.ReceiveMessageAsync();
        Assert.Equal("00", reply[39]);
        return client;
    }
}
