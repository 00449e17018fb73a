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
