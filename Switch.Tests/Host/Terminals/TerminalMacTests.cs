using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Json;
using Switch.Actors.Terminals.Keys;
using Switch.Protocol.Security;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Terminals;

/// <summary>
/// Terminal authentication on a whole node over real sockets: a terminal given a master key through
/// the admin API signs on to a session key and MACs its financial messages; a wrong or missing MAC is
/// answered 63, counted, and never reaches the acquirer; terminals without a key are untouched.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Disposed in DisposeAsync (IAsyncLifetime), which the analyzer does not know of.")]
public sealed class TerminalMacTests : IAsyncLifetime
{
    private readonly AcquirerAndJournal _world = new(acquirer: "mac-tests-sim");
    private TestNode? _node;

    private TestNode Node => _node ?? throw new InvalidOperationException("the node has not started");

    /// <summary>The world's node with a registry of its own: T0000011 to T0000016 without keys, T0000017 with one from the configuration.</summary>
    private NodeConfig Config => field ??= new NodeConfig(_world.Config.DatabasePath)
    {
        Acquirers = { (_world.Name, _world.EndPoint) },
        Extra = $$"""
            switch.registry.terminals = [
            {{string.Join(",\n", Enumerable.Range(11, 6).Select(n => $"  {{ tid = \"{NodeConfig.Tid(n)}\", mid = \"{NodeConfig.Mid}\" }}"))}},
              { tid = "{{NodeConfig.Tid(17)}}", mid = "{{NodeConfig.Mid}}", master-key = "{{MacTerminal.MasterKeyHex}}" }
            ]
            """,
    };

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync(Config);
        await _node.WaitForRouteAsync(_world.Name);
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        await _world.DisposeAsync();
    }

    [Fact]
    public async Task A_keyed_terminal_signs_on_to_a_session_key_and_its_purchase_with_a_right_mac_is_approved_with_a_mac()
    {
        var tid = NodeConfig.Tid(11);
        await PutKeyAsync(tid);
        using var mac = new MacTerminal();
        await using var client = await SignedOnAsync(tid, mac);

        await client.SendRawAsync(mac.Sign(TerminalMessages.Purchase(tid, stan: 2, amount: 1200)));
        var answer = await client.ReceiveMessageAsync();

        Assert.Equal("00", answer[39]);
        Assert.True(answer.Has(64));
        Assert.Equal(MacVerdict.Valid, mac.Verify(answer));
        Assert.Single(_world.Simulator.Ledger.Entries, e => e.Tid == tid && e.Mti == "0200");
    }

    [Fact]
    public async Task A_wrong_or_missing_mac_is_answered_63_counted_and_never_reaches_the_acquirer()
    {
        var tid = NodeConfig.Tid(12);
        await PutKeyAsync(tid);
        using var failures = new ReasonCounts(TerminalMacMetrics.FailuresName);
        using var mac = new MacTerminal();
        await using var client = await SignedOnAsync(tid, mac);

        await client.SendRawAsync(MacTerminal.SignWithMasterKey(TerminalMessages.Purchase(tid, stan: 2, amount: 1300)));
        var wrong = await client.ReceiveMessageAsync();
        await client.SendRawAsync(TerminalMessages.Purchase(tid, stan: 3, amount: 1300));
        var missing = await client.ReceiveMessageAsync();

        Assert.Equal("63", wrong[39]);
        Assert.Equal("63", missing[39]);
        Assert.Equal(1, failures["wrong"]);
        Assert.Equal(1, failures["missing"]);
        var metrics = await Node.Admin.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Matches("""switch_terminal_mac_failures_total\{[^}]*reason="wrong"[^}]*\} [1-9]""", metrics);

        // The terminal's own STAN is not spent by the forgery: the same request with its MAC is approved.
        await client.SendRawAsync(mac.Sign(TerminalMessages.Purchase(tid, stan: 2, amount: 1300)));
        var right = await client.ReceiveMessageAsync();
        Assert.Equal("00", right[39]);
        Assert.Single(_world.Simulator.Ledger.Entries, e => e.Tid == tid);
    }

    [Fact]
    public async Task A_keyed_terminal_that_has_not_signed_on_since_it_got_its_key_is_answered_63()
    {
        var tid = NodeConfig.Tid(13);
        using var failures = new ReasonCounts(TerminalMacMetrics.FailuresName);
        await using var client = await SignedOnAsync(tid, mac: null);
        await PutKeyAsync(tid);

        await client.SendRawAsync(MacTerminal.SignWithMasterKey(TerminalMessages.Purchase(tid, stan: 2, amount: 1400)));

        Assert.Equal("63", (await client.ReceiveMessageAsync())[39]);
        Assert.Equal(1, failures[TerminalMacSession.NoSession]);
        Assert.DoesNotContain(_world.Simulator.Ledger.Entries, e => e.Tid == tid);
    }

    [Fact]
    public async Task A_terminal_without_a_key_signs_on_and_buys_without_any_mac()
    {
        var tid = NodeConfig.Tid(14);
        await using var client = await SignedOnAsync(tid, mac: null);

        await client.SendRawAsync(TerminalMessages.Purchase(tid, stan: 2, amount: 1500));
        var answer = await client.ReceiveMessageAsync();

        Assert.Equal("00", answer[39]);
        Assert.False(answer.Has(64));
    }

    [Fact]
    public async Task The_admin_api_shows_the_key_s_check_value_never_the_key_and_keeps_or_removes_it_as_asked()
    {
        var tid = NodeConfig.Tid(15);
        var put = await PutKeyAsync(tid);
        var kept = await PutAsync(tid, new { mid = NodeConfig.Mid });
        var shown = await Node.Admin.GetStringAsync(new Uri($"/api/terminals/{tid}", UriKind.Relative));

        foreach (var body in new[] { put, kept, shown })
        {
            Assert.Contains("\"keyCheckValue\":\"7AD386\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain(MacTerminal.MasterKeyHex, body, StringComparison.OrdinalIgnoreCase);
        }

        await PutAsync(tid, new { mid = NodeConfig.Mid, masterKey = (string?)null });
        Assert.DoesNotContain("keyCheckValue", await Node.Admin.GetStringAsync(new Uri($"/api/terminals/{tid}", UriKind.Relative)), StringComparison.Ordinal);
        await using var client = await SignedOnAsync(tid, mac: null);
        await client.SendRawAsync(TerminalMessages.Purchase(tid, stan: 2, amount: 1600));
        Assert.Equal("00", (await client.ReceiveMessageAsync())[39]);
    }

    [Fact]
    public async Task The_session_survives_a_restart_of_the_node_on_the_same_journal()
    {
        var tid = NodeConfig.Tid(16);
        await PutKeyAsync(tid);
        using var mac = new MacTerminal();
        await using (var client = await SignedOnAsync(tid, mac))
        {
            await client.SendRawAsync(mac.Sign(TerminalMessages.Purchase(tid, stan: 2, amount: 1700)));
            Assert.Equal("00", (await client.ReceiveMessageAsync())[39]);
        }

        var stopped = Node;
        _node = null;
        await stopped.DisposeAsync();
        _node = await TestNode.StartAsync(Config);
        await _node.WaitForRouteAsync(_world.Name);

        await using var again = await FramedClient.ConnectAsync(Node.TerminalEndPoint);
        await again.SendRawAsync(mac.Sign(TerminalMessages.Purchase(tid, stan: 3, amount: 1700)));
        var answer = await again.ReceiveMessageAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("00", answer[39]);
        Assert.Equal(MacVerdict.Valid, mac.Verify(answer));
    }

    [Fact]
    public async Task A_master_key_from_the_configuration_is_sealed_at_start_and_serves_like_one_put_through_the_api()
    {
        var tid = NodeConfig.Tid(17);
        Assert.Contains("\"keyCheckValue\":\"7AD386\"", await Node.Admin.GetStringAsync(new Uri($"/api/terminals/{tid}", UriKind.Relative)), StringComparison.Ordinal);
        using var mac = new MacTerminal();
        await using var client = await SignedOnAsync(tid, mac);

        await client.SendRawAsync(mac.Sign(TerminalMessages.Purchase(tid, stan: 2, amount: 1900)));

        var answer = await client.ReceiveMessageAsync();
        Assert.Equal("00", answer[39]);
        Assert.Equal(MacVerdict.Valid, mac.Verify(answer));
    }

    private async Task<string> PutKeyAsync(string tid) => await PutAsync(tid, new { mid = NodeConfig.Mid, masterKey = MacTerminal.MasterKeyHex });

    private async Task<string> PutAsync(string tid, object body)
    {
        using var response = await Node.Admin.PutAsJsonAsync(new Uri($"/api/terminals/{tid}", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A connection whose terminal has signed on; with <paramref name="mac"/>, it takes the session key from the answer.</summary>
    private async Task<FramedClient> SignedOnAsync(string tid, MacTerminal? mac)
    {
        var client = await FramedClient.ConnectAsync(Node.TerminalEndPoint);
        await client.SendRawAsync(TerminalMessages.SignOn(tid, stan: 1));
        var answer = await client.ReceiveMessageAsync();
        Assert.Equal("00", answer[39]);
        Assert.Equal(mac is not null, answer.Has(62));
        mac?.SignedOn(answer);
        return client;
    }
}
