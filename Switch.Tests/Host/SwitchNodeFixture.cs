using System.Net.Sockets;
using Serilog.Core;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;

namespace Switch.Tests.Host;

/// <summary>
/// One node started as `run` starts it, with two acquirers: the primary refuses connections, the
/// secondary is the acquirer simulator. Each test uses terminals of its own.
/// </summary>
public sealed class SwitchNodeFixture : IAsyncLifetime
{
    private readonly Socket _refusing = LoopbackListener.Bound();
    private TestNode? _node;

    /// <summary>
    /// Names no other test's node uses: the metrics' meter is the process's, and link states are kept
    /// by acquirer name, so another node's "acq-sim" going down would show here.
    /// </summary>
    internal const string Primary = "node-tests-down";

    internal const string Secondary = "node-tests-sim";

    internal AcquirerSimulator Simulator { get; } = new(new AcquirerSimulatorOptions(), Logger.None);

    internal TestNode Node => _node ?? throw new InvalidOperationException("the node has not started");

    public async Task InitializeAsync()
    {
        Simulator.Start();
        var config = NodeConfig.WithNewDatabase();
        config.Acquirers.Add((Primary, _refusing.LocalEndPoint!));
        config.Acquirers.Add((Secondary, Simulator.LocalEndPoint));
        _node = await TestNode.StartAsync(config);
        await _node.WaitForRouteAsync(Secondary);
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
            _node.Config.Delete();
        }

        await Simulator.DisposeAsync();
        _refusing.Dispose();
    }
}
