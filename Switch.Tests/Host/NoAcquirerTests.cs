using Switch.Tests.Support;

namespace Switch.Tests.Host;

/// <summary>A node none of whose acquirer links is up, started with an operator's akka.* setting in its overlay.</summary>
public sealed class NoAcquirerTests : IAsyncLifetime
{
    private readonly System.Net.Sockets.Socket _refusing = LoopbackListener.Bound();
    private readonly NodeConfig _config = new(NodeConfig.WithNewDatabase().DatabasePath) { Extra = "akka.persistence.journal.sql.parallelism = 3" };
    private TestNode? _node;

    public async Task InitializeAsync()
    {
        _config.Acquirers.Add(("acq-down", _refusing.LocalEndPoint!));
        _node = await TestNode.StartAsync(_config);
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        _config.Delete();
        _refusing.Dispose();
    }

    [Fact]
    public void An_operator_akka_setting_in_an_overlay_wins_over_the_switch_s_own() =>
        Assert.Equal(3, _node!.System.Settings.Config.GetInt("akka.persistence.journal.sql.parallelism"));

    [Fact]
    public async Task A_purchase_with_no_link_up_gets_91()
    {
        await using var terminal = await FramedClient.ConnectAsync(_node!.TerminalEndPoint);
        await terminal.SendRawAsync(TerminalMessages.SignOn(NodeConfig.Tid(1), stan: 1));
        Assert.Equal("00", (await terminal.ReceiveMessageAsync())[39]);

        await terminal.SendRawAsync(TerminalMessages.Purchase(NodeConfig.Tid(1), stan: 2, amount: 1000));
        var reply = await terminal.ReceiveMessageAsync();

        Assert.Equal("91", reply[39]);
        Assert.Matches("^[0-9]{12}$", reply[37]);
    }
}
