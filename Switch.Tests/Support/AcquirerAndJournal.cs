using Serilog.Core;
using Switch.Traffic.Acquirer;

namespace Switch.Tests.Support;

/// <summary>
/// What a node under test stands on: a running acquirer simulator configured as its acquirer
/// (<c>acq-sim</c> unless named), and the node's own journal folder, removed at the end.
/// </summary>
internal sealed class AcquirerAndJournal : IAsyncDisposable
{
    public const string Acquirer = "acq-sim";

    private readonly AcquirerSimulatorOptions _options;

    /// <param name="acquirer">
    /// A name of the test's own when other nodes of the test process may run beside this one: link
    /// states and metrics are kept process-wide by acquirer name.
    /// </param>
    public AcquirerAndJournal(TimeSpan? linkTimeout = null, string acquirer = Acquirer, AcquirerSimulatorOptions? simulator = null)
    {
        Name = acquirer;
        Config = new NodeConfig(NodeConfig.WithNewDatabase().DatabasePath) { LinkTimeout = linkTimeout ?? TimeSpan.FromSeconds(1) };
        _options = simulator ?? new AcquirerSimulatorOptions();
        Simulator = new AcquirerSimulator(_options, Logger.None);
        Simulator.Start();
        EndPoint = Simulator.LocalEndPoint;
        Config.Acquirers.Add((Name, EndPoint));
    }

    /// <summary>The acquirer's name in the node's configuration.</summary>
    public string Name { get; }

    /// <summary>Where the acquirer listens, before and after a restart.</summary>
    public System.Net.IPEndPoint EndPoint { get; }

    public NodeConfig Config { get; }

    public AcquirerSimulator Simulator { get; private set; }

    /// <summary>Stops the acquirer, as a host that goes away does: its connections drop.</summary>
    public ValueTask StopSimulatorAsync() => Simulator.DisposeAsync();

    /// <summary>A fresh acquirer (empty ledger) where the old one listened, so the node's link finds it again.</summary>
    public void RestartSimulator()
    {
        Simulator = new AcquirerSimulator(_options with { Listen = EndPoint }, Logger.None);
        Simulator.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        Config.Delete();
    }
}
