using Switch.Tests.Support;

namespace Switch.Tests.Host;

/// <summary>`Switch.Host` as operators run it: bad arguments and configuration stop it with exit code 2 and the key named.</summary>
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
