using Switch.Tests.Support;

namespace Switch.Tests.Host;

/// <summary>SIGTERM stops a node promptly: terminal connections close at once rather than holding the stop for the host's timeout.</summary>
[Collection(NodeProcesses.Name)]
public sealed class GracefulStopTests : IDisposable
{
    private readonly NodeConfig _config = NodeConfig.WithNewDatabase();

    public void Dispose() => _config.Delete();

    [Fact]
    public async Task Sigterm_closes_terminal_connections_and_exits_0()
    {
        await using var node = await NodeProcess.StartAsync("run", "--config", _config.WriteOverlay());
        await using var terminal = await FramedClient.ConnectAsync(node.TerminalEndPoint);
        await terminal.SendRawAsync(TerminalMessages.SignOn(NodeConfig.Tid(1), stan: 1));
        Assert.Equal("00", (await terminal.ReceiveMessageAsync(NodeProcess.FirstReplyWait))[39]);

        var exitCode = await node.TerminateAsync(within: TimeSpan.FromSeconds(15));

        Assert.Equal(0, exitCode);
        Assert.Null(await terminal.ReceiveAsync());
        Assert.DoesNotContain("ShutdownTimeout", node.Output, StringComparison.Ordinal);
    }
}
