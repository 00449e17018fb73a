using Switch.Host.Configuration;
using Switch.Tests.Support;

namespace Switch.Tests.Host;

/// <summary>`Switch.Host` as operators run it: bad arguments, configuration and shipped secrets stop it with exit code 2 and the key named.</summary>
[Collection(NodeProcesses.Name)]
public sealed class CommandLineTests : IDisposable
{
    private readonly NodeConfig _config = NodeConfig.WithNewDatabase();

    public void Dispose() => _config.Delete();

    [Fact]
    public async Task A_bad_key_in_an_overlay_exits_2_naming_the_key()
    {
        var overlay = _config.WriteOverlay();
        await File.AppendAllTextAsync(overlay, "\nswitch.terminals.max-frame = lots\n");

        var (exitCode, output) = await NodeProcess.RunToExitAsync("run", "--config", overlay);

        Assert.Equal(2, exitCode);
        Assert.Contains("switch.terminals.max-frame", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_terminal_port_already_in_use_exits_1()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var overlay = _config.WriteOverlay();
        await File.AppendAllTextAsync(overlay, $"\nswitch.terminals.listen = \"{taken.LocalEndpoint}\"\n");

        var (exitCode, output) = await NodeProcess.RunToExitAsync("run", "--config", overlay);

        Assert.Equal(1, exitCode);
        Assert.Contains("failed to start", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_postgresql_journal_exits_1_naming_the_server_and_never_the_password()
    {
        using var refusing = LoopbackListener.Bound();
        var port = ((System.Net.IPEndPoint)refusing.LocalEndPoint!).Port;
        var password = $"pw-{Guid.NewGuid():N}";
        var overlay = new NodeConfig(_config.DatabasePath)
        {
            PostgresConnectionString = $"Host=127.0.0.1;Port={port};Username=switch;Password={password};Database=switch",
        }.WriteOverlay();

        var (exitCode, output) = await NodeProcess.RunToExitAsync("run", "--config", overlay);

        Assert.Equal(1, exitCode);
        Assert.Contains($"Failed to connect to 127.0.0.1:{port}", output, StringComparison.Ordinal);
        Assert.DoesNotContain(password, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_refuses_a_secret_still_shipped_for_the_demo_exits_2_and_names_the_key_and_variable_not_the_value()
    {
        var shipped = SwitchConfiguration.Load([], _ => null).GetString("switch.security.otp-key");
        var overlay = _config.WriteOverlay();
        await File.AppendAllTextAsync(overlay, $"\nswitch.security.otp-key = \"{shipped}\"\n");

        var (exitCode, output) = await NodeProcess.RunToExitAsync("run", "--config", overlay);

        Assert.Equal(2, exitCode);
        Assert.Contains("switch.security.otp-key: is still the demo's value", output, StringComparison.Ordinal);
        Assert.Contains("SWITCH_OTP_KEY", output, StringComparison.Ordinal);
        Assert.DoesNotContain(shipped, output, StringComparison.Ordinal);
        Assert.DoesNotContain("is up", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demo_node_starts_on_the_shipped_secrets_and_says_so()
    {
        var overlay = Path.Combine(Path.GetDirectoryName(_config.WriteOverlay())!, "demo.conf");
        await File.WriteAllTextAsync(overlay, $$"""
            switch {
              demo = on
              terminals.listen = "127.0.0.1:0"
              admin.listen = "127.0.0.1:0"
              cluster { listen = "127.0.0.1:0", seed-nodes = [] }
              journal.connection-string = "Data Source={{_config.DatabasePath}}"
              acquirers = []
            }
            """);

        await using var node = await NodeProcess.StartAsync("run", "--config", overlay);

        Assert.Contains("A demo node (switch.demo = on)", node.Output, StringComparison.Ordinal);
        Assert.Contains("switch.admin.token", node.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "--config", "/nonexistent/node.conf")]
    [InlineData("run", "--no-such-option")]
    [InlineData("walk")]
    public async Task Bad_arguments_exit_2(params string[] arguments)
    {
        var (exitCode, _) = await NodeProcess.RunToExitAsync(arguments);

        Assert.Equal(2, exitCode);
    }
}
