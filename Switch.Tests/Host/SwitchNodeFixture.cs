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

    internal AcquirerSimulator Simulator { get; } = new(new AcquirerSimulatorOptions(), Logger.None);

    internal TestNode Node => _node ?? throw new InvalidOperationException("the node has not started");

    public async Task InitializeAsync()
    {
        Simulator.Start();
        var config = NodeConfig.WithNewDatabase();
        config.Acquirers.Add(("acq-down", _refusing.LocalEndPoint!));
        config.Acquirers.Add(("acq-sim", Simulator.LocalEndPoint));
        _node = await TestNode.StartAsync(config);
        await _node.WaitForRouteAsync("acq-sim");
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
