using Serilog.Core;
using Switch.Traffic.Acquirer;

namespace Switch.Tests.Support;

/// <summary>
/// What a node under test stands on: a running acquirer simulator configured as its acquirer
/// <c>acq-sim</c>, and the node's own journal folder, removed at the end.
/// </summary>
internal sealed class AcquirerAndJournal : IAsyncDisposable
{
    public const string Acquirer = "acq-sim";

    public AcquirerAndJournal(TimeSpan? linkTimeout = null)
    {
        Config = new NodeConfig(NodeConfig.WithNewDatabase().DatabasePath) { LinkTimeout = linkTimeout ?? TimeSpan.FromSeconds(1) };
        Simulator = new AcquirerSimulator(new AcquirerSimulatorOptions(), Logger.None);
        Simulator.Start();
        EndPoint = Simulator.LocalEndPoint;
        Config.Acquirers.Add((Acquirer, EndPoint));
    }

    /// <summary>Where the acquirer listens, before and after a restart.</summary>
    public System.Net.IPEndPoint EndPoint { get; }

    public NodeConfig Config { get; }

    public AcquirerSimulator Simulator { get; private set; }

    /// <summary>Stops the acquirer, as a host that goes away does: its connections drop.</summary>
    public ValueTask StopSimulatorAsync() => Simulator.DisposeAsync();

    /// <summary>A fresh acquirer (empty ledger) where the old one listened, so the node's link finds it again.</summary>
    public void RestartSimulator()
    {
        Simulator = new AcquirerSimulator(new AcquirerSimulatorOptions { Listen = EndPoint }, Logger.None);
        Simulator.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        Config.Delete();
    }
}
