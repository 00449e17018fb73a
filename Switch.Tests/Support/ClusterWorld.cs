using System.Net;
using Serilog.Core;
using Switch.Traffic.Acquirer;

namespace Switch.Tests.Support;

/// <summary>
/// What a test of node processes in one cluster stands on: a fresh PostgreSQL database as the shared
/// journal and one acquirer simulator every node links to; the nodes' overlays are deleted with it.
/// </summary>
internal sealed class ClusterWorld : IAsyncDisposable
{
    private readonly List<NodeConfig> _configs = [];
    private readonly string _acquirer;
    private readonly PostgresDatabase _database;

    private ClusterWorld(string acquirer, AcquirerSimulator simulator, PostgresDatabase database)
    {
        _acquirer = acquirer;
        Simulator = simulator;
        _database = database;
    }

    public AcquirerSimulator Simulator { get; }

    /// <param name="acquirer">Its own name per test class: link states on the process-wide meter are kept by acquirer name.</param>
    public static async Task<ClusterWorld> StartAsync(string acquirer, AcquirerSimulatorOptions simulator)
    {
        var acquirerSimulator = new AcquirerSimulator(simulator, Logger.None);
        acquirerSimulator.Start();
        try
        {
            return new ClusterWorld(acquirer, acquirerSimulator, await PostgresDatabase.CreateAsync());
        }
        catch
        {
            await acquirerSimulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A node process on the world's database, its link to the simulator up (before that a node
    /// answers purchases 91); it reports its endpoints only once it is an Up member.
    /// </summary>
    /// <param name="acquirer">Where the node's link goes; the world's simulator when null.</param>
    /// <param name="smsWebhook">Where the node texts one-time codes; nowhere when null.</param>
    public async Task<NodeProcess> StartNodeAsync(
        int nodeId, int clusterPort, int seedPort, TimeSpan? linkTimeout = null, string extra = "", EndPoint? acquirer = null, Uri? smsWebhook = null)
    {
        var config = new NodeConfig(NodeConfig.WithNewDatabase().DatabasePath)
        {
            PostgresConnectionString = _database.ConnectionString,
            NodeId = nodeId,
            ClusterPort = clusterPort,
            SeedPorts = [seedPort],
            Acquirers = { (_acquirer, acquirer ?? Simulator.LocalEndPoint) },
            LinkTimeout = linkTimeout ?? TimeSpan.FromSeconds(1),
            SmsWebhook = smsWebhook,
            Extra = extra,
        };
        _configs.Add(config);
        var node = await NodeProcess.StartAsync("run", "--config", config.WriteOverlay());
        await ClusterProcesses.WaitForLinkAsync(node, _acquirer);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        await _database.DisposeAsync();
        _configs.ForEach(c => c.Delete());
    }
}
