using System.Net;
using Switch.Actors.Registry;
using Switch.Host.Configuration;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583.Specs;

using Switch.Tests.Support;

namespace Switch.Tests.Host;

public sealed class SwitchConfigurationTests : IDisposable
{
    private readonly Overlays _overlays = new();

    public void Dispose() => _overlays.Dispose();

    [Fact]
    public void The_defaults_are_the_contract_values()
    {
        var settings = SwitchSettingsReader.Read(SwitchConfiguration.Load([], Overlays.NoEnvironment));

        Assert.Equal(0, settings.NodeId);
        Assert.True(settings.Security.PanTokenKey.Length >= 32);
        Assert.DoesNotContain(Convert.ToBase64String(settings.Security.PanTokenKey), settings.Security.ToString(), StringComparison.Ordinal);
        Assert.Equal(100_000_000, settings.Terminals.MaxAmount);
        Assert.Equal(TimeSpan.FromHours(24), settings.Terminals.ReversalWindow);
        Assert.Equal(1000, settings.Terminals.ReversalMemory);
        Assert.Equal(IPEndPoint.Parse("0.0.0.0:8583"), settings.Terminals.Listen);
        Assert.Same(Iso87.Ascii, settings.Terminals.Profile);
        Assert.Equal(new FrameOptions(LengthHeader.Binary2, tpdu: false, maxFrame: 4096), settings.Terminals.Framing);
        var acquirer = Assert.Single(settings.Acquirers);
        Assert.Equal("acq-a", acquirer.Name);
        Assert.Equal(IPEndPoint.Parse("127.0.0.1:9583"), acquirer.Endpoint);
        Assert.Same(Iso87.Ascii, acquirer.Profile);
        Assert.Equal(TimeSpan.FromSeconds(5), acquirer.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(30), acquirer.EchoInterval);
        Assert.Equal(new JournalSettings(JournalProvider.Sqlite, "Data Source=data/switch.db", SqliteSynchronous.Full), settings.Journal);
        Assert.Equal(IPEndPoint.Parse("127.0.0.1:8080"), settings.Admin.Listen);
        Assert.Equal("change-me", settings.Admin.Token);
        Assert.Equal(IPEndPoint.Parse("127.0.0.1:4053"), settings.Cluster.Listen);
        Assert.Equal([IPEndPoint.Parse("127.0.0.1:4053")], settings.Cluster.SeedNodes);
        Assert.Equal((DowningStrategy.KeepOldest, TimeSpan.FromSeconds(20)), (settings.Cluster.Downing, settings.Cluster.StableAfter));
        Assert.Null(settings.Sms.WebhookUrl);
        Assert.Equal([new Merchant("M00000000000001", "Demo Shop", "5411", "CN", ChallengePolicy.Risk, "std-2026")], settings.Registry.Merchants);
        Assert.Equal([new TerminalRegistration("T0000001", "M00000000000001")], settings.Registry.Terminals);
    }

    [Fact]
    public void Overlays_win_in_order_and_a_list_is_replaced_whole()
    {
        var first = _overlays.Write("""
            switch.terminals { tpdu = on, max-frame = 2048 }
            switch.acquirers = [
              { name = acq-x, endpoint = "acquirer.example:7000", profile = iso87-binary, length-header = ascii4,
                timeout = 250ms, echo-interval = 10s, reconnect-min = 100ms, reconnect-max = 2s },
              { name = acq-y, endpoint = "127.0.0.1:7001", profile = iso87-ascii, length-header = binary2,
                timeout = 1s, echo-interval = 10s, reconnect-min = 1s, reconnect-max = 1s }
            ]
            """);
        var second = _overlays.Write("switch.terminals.max-frame = 1024");

        var settings = SwitchSettingsReader.Read(SwitchConfiguration.Load([first, second], Overlays.NoEnvironment));

        Assert.True(settings.Terminals.Framing.Tpdu);
        Assert.Equal(1024, settings.Terminals.Framing.MaxFrame);
        Assert.Equal(["acq-x", "acq-y"], settings.Acquirers.Select(a => a.Name));
        Assert.Equal(new DnsEndPoint("acquirer.example", 7000), settings.Acquirers[0].Endpoint);
        Assert.Same(Iso87.Binary, settings.Acquirers[0].Profile);
        Assert.Equal(LengthHeader.Ascii4, settings.Acquirers[0].Framing.Header);
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.Acquirers[0].Timeout);
    }

    [Fact]
    public void Environment_variables_override_through_whole_line_substitutions()
    {
        var environment = new Dictionary<string, string>
        {
            ["SWITCH_ADMIN_TOKEN"] = "s3cr\"et\\token",
            ["SWITCH_JOURNAL_PROVIDER"] = "postgresql",
            ["SWITCH_JOURNAL_CONNECTION_STRING"] = "Host=127.0.0.1;Database=switch;Password=a+b=c",
        };

        var settings = SwitchSettingsReader.Read(SwitchConfiguration.Load([], environment.GetValueOrDefault));

        Assert.Equal("s3cr\"et\\token", settings.Admin.Token);
        Assert.Equal(new JournalSettings(JournalProvider.PostgreSql, "Host=127.0.0.1;Database=switch;Password=a+b=c"), settings.Journal);
        Assert.Equal(IPEndPoint.Parse("127.0.0.1:8080"), settings.Admin.Listen);
    }

    [Fact]
    public void An_unset_variable_leaves_the_rest_of_its_block_intact()
    {
        var overlay = _overlays.Write("""
            switch.admin {
              token = "from-file"
              token = ${?SWITCH_TEST_UNSET_TOKEN}
              listen = "127.0.0.1:9090"
            }
            """);

        var settings = SwitchSettingsReader.Read(SwitchConfiguration.Load([overlay], Overlays.NoEnvironment));

        Assert.Equal("from-file", settings.Admin.Token);
        Assert.Equal(IPEndPoint.Parse("127.0.0.1:9090"), settings.Admin.Listen);
    }

    [Fact]
    public void A_substitution_inside_a_line_is_refused_with_its_file_and_line()
    {
        var overlay = _overlays.Write("switch.admin {\n  token = \"x\", listen = ${?SWITCH_ADMIN_LISTEN}\n}");
        var error = Assert.Throws<ConfigurationKeyException>(() => SwitchConfiguration.Load([overlay], Overlays.NoEnvironment));
        Assert.Equal($"{overlay}:2", error.Key);
    }

    [Fact]
    public void An_inline_profile_block_describes_an_acquirer_dialect()
    {
        var overlay = _overlays.Write("""
            switch.acquirers = [
              { name = acme, endpoint = "127.0.0.1:7000", length-header = binary2, timeout = 5s,
                echo-interval = 30s, reconnect-min = 1s, reconnect-max = 30s
                profile { name = acme, base = iso87-ascii, fields { 35 { encoding = bcd, prefix-encoding = bcd } } } }
            ]
            """);

        var acquirer = Assert.Single(SwitchSettingsReader.Read(SwitchConfiguration.Load([overlay], Overlays.NoEnvironment)).Acquirers);

        Assert.Equal("acme", acquirer.Profile.Name);
        Assert.Equal(ValueEncoding.Bcd, acquirer.Profile[35]!.Encoding);
    }

    [Fact]
    public void Empty_lists_mean_none_and_no_seed_nodes_forms_a_cluster_of_one()
    {
        var settings = SwitchSettingsReader.Read(SwitchConfiguration.Load([_overlays.Write("switch {\n  cluster { listen = \"127.0.0.1:0\", seed-nodes = [] }\n  acquirers = [ ]\n}")], Overlays.NoEnvironment));

        Assert.Empty(settings.Cluster.SeedNodes);
        Assert.Empty(settings.Acquirers);
    }

    [Fact]
    public void Terminal_port_limits_default_to_room_for_a_fleet_of_ten_thousand_from_one_address()
    {
        var settings = SwitchSettingsReader.Read(SwitchConfiguration.Load([], Overlays.NoEnvironment));

        Assert.Equal(new TerminalLimits(20_000, 0, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(10), 60), settings.Terminals.Limits);
    }

    [Fact]
    public void Reversal_queue_defaults_are_read()
    {
        var settings = SwitchSettingsReader.Read(SwitchConfiguration.Load([], Overlays.NoEnvironment));

        Assert.Equal(new ReversalQueueSettings(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 16, TimeSpan.FromHours(24)), settings.Reversals);
    }

    [Theory]
    [InlineData("switch.node-id = 10", "switch.node-id")]
    [InlineData("switch.security.pan-token-key = \"c2hvcnQ=\"", "switch.security.pan-token-key")]
    [InlineData("switch.security.pan-token-key = \"not base64!\"", "switch.security.pan-token-key")]
    [InlineData("switch.terminals.max-amount = 0", "switch.terminals.max-amount")]
    [InlineData("switch.terminals.max-frame = abc", "switch.terminals.max-frame")]
    [InlineData("switch.reversals.retry-max = 10ms", "switch.reversals.retry-max")]
    [InlineData("switch.reversals.max-in-flight = 0", "switch.reversals.max-in-flight")]
    [InlineData("switch.terminals.tpdu = maybe", "switch.terminals.tpdu")]
    [InlineData("switch.terminals.listen = \"8583\"", "switch.terminals.listen")]
    [InlineData("switch.terminals.profile = iso93", "switch.terminals.profile")]
    [InlineData("switch.terminals.length-header = ascii2", "switch.terminals.length-header")]
    [InlineData("switch.terminals.duplicate-window = soon", "switch.terminals.duplicate-window")]
    [InlineData("switch.terminals.reversal-memory = 0", "switch.terminals.reversal-memory")]
    [InlineData("switch.terminals.max-connections = 0", "switch.terminals.max-connections")]
    [InlineData("switch.terminals.max-connections-per-address = -1", "switch.terminals.max-connections-per-address")]
    [InlineData("switch.terminals.idle-timeout = 0s", "switch.terminals.idle-timeout")]
    [InlineData("switch.terminals.frame-timeout = soon", "switch.terminals.frame-timeout")]
    [InlineData("switch.terminals.max-sign-ons-per-minute = 0", "switch.terminals.max-sign-ons-per-minute")]
    [InlineData("switch.terminals { length-header = ascii4, max-frame = 20000 }", "switch.terminals.max-frame")]
    [InlineData("switch.acquirers = [ { name = a } ]", "switch.acquirers[0].endpoint")]
    [InlineData("switch.acquirers = [ 7 ]", "switch.acquirers[0]")]
    [InlineData("switch.acquirers = [ { name = a, endpoint = \"127.0.0.1:0\" } ]", "switch.acquirers[0].endpoint")]
    [InlineData("switch.acquirers = [ { name = a, endpoint = \"127.0.0.1:1\", profile = iso87-ascii, length-header = binary2, timeout = 0s, echo-interval = 30s, reconnect-min = 1s, reconnect-max = 30s } ]", "switch.acquirers[0].timeout")]
    [InlineData("switch.acquirers = [ { name = a, endpoint = \"127.0.0.1:1\", profile = iso87-ascii, length-header = binary2, timeout = 1s, echo-interval = 30s, reconnect-min = 5s, reconnect-max = 1s } ]", "switch.acquirers[0].reconnect-max")]
    [InlineData("switch.acquirers = [ { name = a, endpoint = \"127.0.0.1:1\", length-header = binary2, timeout = 1s, echo-interval = 30s, reconnect-min = 1s, reconnect-max = 1s, profile { name = p, base = iso87-ascii, fields { 35 { length = abc } } } } ]", "switch.acquirers[0].profile.fields.35.length")]
    [InlineData("switch.journal.provider = mysql", "switch.journal.provider")]
    [InlineData("switch.journal.sqlite-synchronous = off", "switch.journal.sqlite-synchronous")]
    [InlineData("switch.journal.connection-string = \"\"", "switch.journal.connection-string")]
    [InlineData("switch.admin.token = \"\"", "switch.admin.token")]
    [InlineData("switch.cluster.seed-nodes = [ \"127.0.0.1:4053\", \"nowhere\" ]", "switch.cluster.seed-nodes[1]")]
    [InlineData("switch.cluster.downing = keep-everyone", "switch.cluster.downing")]
    [InlineData("switch.cluster.stable-after = 0s", "switch.cluster.stable-after")]
    [InlineData("switch.sms.webhook-url = \"ftp://x\"", "switch.sms.webhook-url")]
    [InlineData("switch.registry.merchants = [ { mid = M1, name = n, mcc = \"54\", country = CN, challenge = risk } ]", "switch.registry.merchants[0].mcc")]
    [InlineData("switch.registry.merchants = [ { mid = M1, name = n, mcc = \"5411\", country = cn, challenge = risk } ]", "switch.registry.merchants[0].country")]
    [InlineData("switch.registry.merchants = [ { mid = M1, name = n, mcc = \"5411\", country = CN, challenge = sometimes } ]", "switch.registry.merchants[0].challenge")]
    [InlineData("switch.registry.terminals = [ { tid = T1, mid = NOBODY } ]", "switch.registry.terminals[0].mid")]
    [InlineData("switch.registry.terminals = [ { tid = T000000001, mid = \"M00000000000001\" } ]", "switch.registry.terminals[0].tid")]
    [InlineData("switch.registry.terminals = [ { tid = T1, mid = \"M00000000000001\" }, { tid = T1, mid = \"M00000000000001\" } ]", "switch.registry.terminals")]
    [InlineData("switch.registry.terminals = [ { tid = T1, mid = \"M00000000000001\", master-key = \"2b7e1516\" } ]", "switch.registry.terminals[0].master-key")]
    [InlineData("switch.registry.terminals = [ { tid = T1, mid = \"M00000000000001\", master-key = \"zz7e151628aed2a6abf7158809cf4f3c\" } ]", "switch.registry.terminals[0].master-key")]
    [InlineData("switch.security.terminal-key-encryption-key = \"c2hvcnQ=\"", "switch.security.terminal-key-encryption-key")]
    [InlineData("switch.registry = 3", "switch.registry")]
    public void A_bad_setting_stops_start_up_naming_its_key(string overlay, string key)
    {
        var path = _overlays.Write(overlay);
        var error = Assert.Throws<ConfigurationKeyException>(() => SwitchSettingsReader.Read(SwitchConfiguration.Load([path], Overlays.NoEnvironment)));
        Assert.Equal(key, error.Key);
        Assert.StartsWith(key + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_overlay_file_is_named()
    {
        var error = Assert.Throws<ConfigurationKeyException>(() => SwitchConfiguration.Load(["/nonexistent/overlay.conf"], Overlays.NoEnvironment));
        Assert.Equal("--config", error.Key);
        Assert.Contains("/nonexistent/overlay.conf", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bench.conf")]
    [InlineData("bench-inmem.conf")]
    public void The_shipped_overlays_are_valid(string overlay)
    {
        var config = SwitchConfiguration.Load([Path.Combine(RepositoryRoot(), "hocon", overlay)], Overlays.NoEnvironment);

        var settings = SwitchSettingsReader.Read(config);

        Assert.NotEmpty(settings.Registry.Terminals);
    }

    [Fact]
    public void The_cluster_overlay_puts_the_node_on_the_shared_postgresql_journal_under_keep_majority()
    {
        var environment = new Dictionary<string, string> { ["SWITCH_JOURNAL_CONNECTION_STRING"] = "Host=10.0.0.5;Database=switch" };
        var config = SwitchConfiguration.Load([Path.Combine(RepositoryRoot(), "hocon", "cluster.conf")], environment.GetValueOrDefault);

        var settings = SwitchSettingsReader.Read(config);

        Assert.Equal((JournalProvider.PostgreSql, "Host=10.0.0.5;Database=switch"), (settings.Journal.Provider, settings.Journal.ConnectionString));
        Assert.Equal(DowningStrategy.KeepMajority, settings.Cluster.Downing);
    }

    [Fact]
    public void The_cluster_overlay_without_a_connection_string_stops_start_up_naming_the_key()
    {
        var config = SwitchConfiguration.Load([Path.Combine(RepositoryRoot(), "hocon", "cluster.conf")], Overlays.NoEnvironment);

        var error = Assert.Throws<ConfigurationKeyException>(() => SwitchSettingsReader.Read(config));

        Assert.Equal("switch.journal.connection-string", error.Key);
    }

    [Fact]
    public void The_bench_overlay_registers_the_generator_s_default_terminals()
    {
        var settings = SwitchSettingsReader.Read(SwitchConfiguration.Load([Path.Combine(RepositoryRoot(), "hocon", "bench.conf")], Overlays.NoEnvironment));

        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"T{n:D7}"), settings.Registry.Terminals.Select(t => t.Tid));
    }

    [Fact]
    public void The_embedded_defaults_are_the_repository_file()
    {
        var repositoryFile = Path.Combine(RepositoryRoot(), "hocon", "switch.conf");
        Assert.Equal(File.ReadAllText(repositoryFile), SwitchConfiguration.Defaults);
    }


    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Switch.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Switch.sln not found above the test binaries");
    }
}
