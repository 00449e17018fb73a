using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using Switch.Host.Terminals;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Terminals;

/// <summary>
/// The terminal port's limits on a whole node over real sockets: each hostile connection is turned
/// away or closed, and counted by reason, while an honest terminal on the same node keeps its 00s.
/// Timeouts are configured short and each test waits for the server to close the socket.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes them through IAsyncLifetime.DisposeAsync.")]
public sealed class TerminalPortLimitsTests : IAsyncLifetime
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(30);

    private readonly ReasonCounts _refused = new(TerminalPortMetrics.RefusedName);
    private readonly ReasonCounts _closed = new(TerminalPortMetrics.ClosedByLimitName);
    private readonly List<IAsyncDisposable> _resources = [];
    private TestNode? _node;
    private int _stan;

    public Task InitializeAsync() => Task.CompletedTask;

    // IAsyncLifetime, not IAsyncDisposable, which xunit 2 does not call: undisposed, a test's node
    // stayed up and closed its idle connections during the next test, counted there.
    public async Task DisposeAsync()
    {
        foreach (var resource in Enumerable.Reverse(_resources))
        {
            await resource.DisposeAsync();
        }

        if (_node is not null)
        {
            await _node.DisposeAsync();
            _node.Config.Delete();
        }

        _refused.Dispose();
        _closed.Dispose();
    }

    [Fact]
    public async Task A_connection_beyond_the_node_limit_is_closed_at_once_and_its_place_opens_when_another_leaves()
    {
        await StartAsync("switch.terminals.max-connections = 2");
        var honest = await SignedOnAsync(NodeConfig.Tid(1));
        var second = await SignedOnAsync(NodeConfig.Tid(2));

        await using (var third = await FramedClient.ConnectAsync(_node!.TerminalEndPoint))
        {
            Assert.Null(await third.ReceiveAsync(CloseWait));
        }

        Assert.Equal(1, _refused[ConnectionGate.NodeLimit]);
        Assert.Equal(0, _refused[ConnectionGate.AddressLimit]);
        await AssertEchoedAsync(honest, NodeConfig.Tid(1));

        await second.DisposeAsync();
        _resources.Remove(second);
        // The node sees the close a moment after the client makes it: until then the place is taken.
        await Eventually.AssertAsync(async () => await SignedOnAsync(NodeConfig.Tid(3)), CloseWait);
        await AssertEchoedAsync(honest, NodeConfig.Tid(1));
    }

    [Fact]
    public async Task A_connection_beyond_the_limit_of_its_source_address_is_closed_at_once()
    {
        await StartAsync("switch.terminals.max-connections-per-address = 2");
        var honest = await SignedOnAsync(NodeConfig.Tid(11));
        await SignedOnAsync(NodeConfig.Tid(12));

        await using (var third = await FramedClient.ConnectAsync(_node!.TerminalEndPoint))
        {
            Assert.Null(await third.ReceiveAsync(CloseWait));
        }

        Assert.Equal(1, _refused[ConnectionGate.AddressLimit]);
        Assert.Equal(0, _refused[ConnectionGate.NodeLimit]);
        await AssertEchoedAsync(honest, NodeConfig.Tid(11));
    }

    [Fact]
    public async Task A_connection_that_sends_nothing_for_the_idle_timeout_is_closed()
    {
        await StartAsync("switch.terminals.idle-timeout = 3s");
        var honest = await SignedOnAsync(NodeConfig.Tid(21));
        var connected = Stopwatch.StartNew();
        var silent = await ConnectAsync();

        await KeepEchoingUntilClosedAsync(honest, NodeConfig.Tid(21), silent.ReceiveAsync(CloseWait));

        Assert.True(connected.Elapsed >= TimeSpan.FromSeconds(2.9), $"closed after {connected.Elapsed}, before the idle timeout");
        Assert.Equal(1, _closed[ConnectionWatchdog.Idle]);
        Assert.Equal(0, _closed[ConnectionWatchdog.SlowFrame]);
    }

    [Fact]
    public async Task A_connection_that_trickles_a_frame_slower_than_the_frame_timeout_is_closed()
    {
        await StartAsync("switch.terminals.frame-timeout = 2s");
        var honest = await SignedOnAsync(NodeConfig.Tid(31));
        var started = Stopwatch.StartNew();
        var slow = await ConnectAsync();
        using var stop = new CancellationTokenSource();
        // A 64-byte frame, a byte every 300 ms: never idle, never complete.
        await slow.SendBytesAsync(new byte[] { 0x00, 0x40 });
        var trickle = TrickleAsync(slow, stop.Token);

        await KeepEchoingUntilClosedAsync(honest, NodeConfig.Tid(31), slow.ReceiveAsync(CloseWait));
        await stop.CancelAsync();
        await trickle;

        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(1.9), $"closed after {started.Elapsed}, before the frame timeout");
        Assert.Equal(1, _closed[ConnectionWatchdog.SlowFrame]);
        Assert.Equal(0, _closed[ConnectionWatchdog.Idle]);
    }

    [Fact]
    public async Task A_connection_signing_on_beyond_its_allowance_is_closed_and_that_sign_on_goes_nowhere()
    {
        await StartAsync("switch.terminals.max-sign-ons-per-minute = 3");
        var honest = await SignedOnAsync(NodeConfig.Tid(41));
        var flooding = await ConnectAsync();
        foreach (var n in new[] { 42, 43, 44 })
        {
            await flooding.SendRawAsync(TerminalMessages.SignOn(NodeConfig.Tid(n), Stan()));
            Assert.Equal("00", (await flooding.ReceiveMessageAsync())[39]);
        }

        // Echoes are not sign-ons: they take nothing from the allowance.
        await AssertEchoedAsync(flooding, NodeConfig.Tid(42));
        await flooding.SendRawAsync(TerminalMessages.SignOn(NodeConfig.Tid(45), Stan()));

        Assert.Null(await flooding.ReceiveAsync(CloseWait));
        Assert.Equal(1, _closed[SignOnRate.Flood]);
        await AssertEchoedAsync(honest, NodeConfig.Tid(41));
        // T0000045's sign-on never reached its terminal: a purchase of it is refused as not signed on.
        await honest.SendRawAsync(TerminalMessages.Purchase(NodeConfig.Tid(45), Stan(), amount: 1000));
        Assert.Equal("58", (await honest.ReceiveMessageAsync())[39]);
    }

    private async Task StartAsync(string limits)
    {
        _node = await TestNode.StartAsync(new NodeConfig(NodeConfig.WithNewDatabase().DatabasePath) { Extra = limits });
    }

    private async Task<FramedClient> ConnectAsync()
    {
        var client = await FramedClient.ConnectAsync(_node!.TerminalEndPoint);
        _resources.Add(client);
        return client;
    }

    private async Task<FramedClient> SignedOnAsync(string tid)
    {
        var client = await ConnectAsync();
        await client.SendRawAsync(TerminalMessages.SignOn(tid, Stan()));
        Assert.Equal("00", (await client.ReceiveMessageAsync(CloseWait))[39]);
        return client;
    }

    private async Task AssertEchoedAsync(FramedClient client, string tid)
    {
        await client.SendRawAsync(TerminalMessages.NetworkManagement(tid, Stan(), code: 301));
        Assert.Equal("00", (await client.ReceiveMessageAsync())[39]);
    }

    /// <summary>The honest terminal echoes, as terminals do, until the hostile connection is closed, and once more after.</summary>
    private async Task KeepEchoingUntilClosedAsync(FramedClient honest, string tid, Task<byte[]?> hostileClosed)
    {
        while (!hostileClosed.IsCompleted)
        {
            await AssertEchoedAsync(honest, tid);
            await Task.WhenAny(hostileClosed, Task.Delay(200));
        }

        Assert.Null(await hostileClosed);
        await AssertEchoedAsync(honest, tid);
    }

    private static async Task TrickleAsync(FramedClient client, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(300, stop);
                await client.SendBytesAsync(new byte[] { (byte)'0' });
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
        {
            // Stopped by the test, or the server closed the socket under it.
        }
    }

    private int Stan() => Interlocked.Increment(ref _stan);
}
