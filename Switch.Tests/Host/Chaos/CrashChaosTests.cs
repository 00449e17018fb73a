using System.Diagnostics;
using System.Net;
using Serilog.Core;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;
using Switch.Traffic.Generator;
using Switch.Traffic.Generator.Recovery;
using Xunit.Abstractions;

namespace Switch.Tests.Host.Chaos;

/// <summary>
/// Crash safety: a node process is killed (SIGKILL) again and again under a fleet of terminals in
/// closed loop, and started again each time on the same SQLite journal and terminal port. The
/// terminals recover as POS terminals do (reconnect, retransmit exactly, then reverse); the acquirer
/// simulator runs here, outside the node, so its ledger is the acquirer's truth. Afterwards the
/// terminals' outcomes, the journal and the ledger must agree: no heard approval missing from the
/// journal, no unheard approval left unreversed, nothing authorized twice.
/// </summary>
[Collection(NodeProcesses.Name)]
public sealed class CrashChaosTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Its own name: link states on the process-wide meter are kept by acquirer name.</summary>
    private const string Acquirer = "chaos-sim";

    /// <summary>A node's start, the terminals' reconnection and a stretch of traffic, on a loaded machine.</summary>
    private static readonly TimeSpan TrafficWait = TimeSpan.FromSeconds(60);

    /// <summary>Store-and-forward delivering the last reversals after the final restart.</summary>
    private static readonly TimeSpan SettleWait = TimeSpan.FromSeconds(60);

    private readonly string _outcomes = Path.Combine(Path.GetTempPath(), $"chaos-outcomes-{Guid.NewGuid():N}");

    // Disposed by DisposeAsync (IAsyncLifetime), which the analyzer does not know of.
    // The acquirer's latency widens the window in which a kill finds a request approved there but not yet answered.
    private AcquirerAndJournal World { get; } = new(linkTimeout: TimeSpan.FromSeconds(5), acquirer: Acquirer, simulator: new AcquirerSimulatorOptions { Latency = TimeSpan.FromMilliseconds(10) });

    private LedgerView Ledger => new(World.Simulator.Ledger);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await World.DisposeAsync();
        if (Directory.Exists(_outcomes))
        {
            Directory.Delete(_outcomes, recursive: true);
        }
    }

    [Fact]
    public async Task Repeated_kills_under_traffic_lose_no_heard_approval_leave_no_unheard_approval_unreversed_and_authorize_nothing_twice()
    {
        var form = ChaosForm.FromEnvironment();
        var random = new Random(form.Seed);
        var port = FreePort();
        var config = new NodeConfig(World.Config.DatabasePath) { LinkTimeout = World.Config.LinkTimeout, Extra = $"switch.terminals.listen = \"127.0.0.1:{port}\"" };
        config.Acquirers.AddRange(World.Config.Acquirers);
        var overlay = config.WriteOverlay();
        var elapsed = Stopwatch.StartNew();

        var node = await StartAsync(overlay, port);
        using var stopTraffic = new CancellationTokenSource();
        // Half the fleet retransmits what went unanswered before reversing it; the other half reverses it at once.
        var retransmitting = (form.Terminals + 1) / 2;
        var traffic = Task.WhenAll(
            TrafficRun.RunAsync(Options(port, first: 1, retransmitting, retransmits: 3), Logger.None, stopTraffic.Token),
            TrafficRun.RunAsync(Options(port, first: 1 + retransmitting, form.Terminals - retransmitting, retransmits: 0), Logger.None, stopTraffic.Token));
        try
        {
            for (var kill = 1; kill <= form.Kills; kill++)
            {
                // Somewhere between a trickle and a good stretch of traffic since the node came up: kills land at every stage of a transaction.
                await TrafficAsync(random.Next(20, 200));
                await node.KillAsync();
                await node.DisposeAsync();
                node = await StartAsync(overlay, port);
            }

            await TrafficAsync(100);
        }
        finally
        {
            await stopTraffic.CancelAsync();
        }

        var runs = await traffic;
        var outcomes = Directory.GetFiles(_outcomes).SelectMany(OutcomeLog.Read).ToList();
        var results = (Sent: runs.Sum(r => r.Sent), Completed: runs.Sum(r => r.Completed), Timeouts: runs.Sum(r => r.Timeouts), ConnectionLosses: runs.Sum(r => r.ConnectionLosses));

        // The last reversals go out from the store-and-forward queues of the last node.
        await Eventually.AssertAsync(
            () => Assert.Empty(CrashReconciliation.Reconcile(outcomes, World.Simulator.Ledger.Entries, new HashSet<string>()).UnheardNotReversed),
            SettleWait);
        Assert.Equal(0, await node.TerminateAsync(TimeSpan.FromSeconds(30)));
        await node.DisposeAsync();

        var ledger = World.Simulator.Ledger.Entries;
        var counts = CrashReconciliation.Reconcile(outcomes, ledger, JournaledApprovals.Read(config.DatabasePath));
        output.WriteLine(
            $"seed {form.Seed}: {form.Kills} kills survived in {elapsed.Elapsed.TotalSeconds:F0} s, {form.Terminals} terminals, {outcomes.Count} requests " +
            $"({outcomes.Count(o => o.ResponseCode == "00")} heard approved, {outcomes.Count(o => o.Sends > 1)} retransmitted, {outcomes.Count(o => o.ReversalCode is not null)} reversed by the terminal); " +
            $"acquirer: {ledger.Count(e => e.Mti == "0200" && e.ResponseCode == "00")} approvals, {ledger.Count(e => e.IsReversal)} reversals; " +
            $"generator: {results.Sent} sent, {results.Completed} completed, {results.Timeouts} timeouts, {results.ConnectionLosses} connection losses; {counts}");
        Assert.True(outcomes.Count > 0 && results.Sent == outcomes.Count, $"{results.Sent} requests sent, {outcomes.Count} outcomes written");
        Assert.True(counts.Clean, counts.ToString());
    }

    private RunOptions Options(int port, int first, int terminals, int retransmits) => new()
    {
        Target = new IPEndPoint(IPAddress.Loopback, port),
        Terminals = terminals,
        FirstTerminal = first,
        // Ended by cancellation once the kills are over.
        Duration = TimeSpan.FromHours(1),
        Timeout = TimeSpan.FromSeconds(3),
        Mid = NodeConfig.Mid,
        Recovery = new RecoveryOptions { Retransmits = retransmits, GiveUpAfter = TimeSpan.FromSeconds(90), OutcomesPath = Path.Combine(_outcomes, $"from-{first}.jsonl") },
    };

    private static async Task<NodeProcess> StartAsync(string overlay, int port)
    {
        var node = await NodeProcess.StartAsync("run", "--config", overlay);
        // The same port after every kill: terminals reconnect where they were, so the node must be able to bind it again at once.
        Assert.Equal(port, node.TerminalEndPoint.Port);
        return node;
    }

    /// <summary>Returns once the acquirer has received <paramref name="requests"/> more financial requests.</summary>
    private async Task TrafficAsync(int requests)
    {
        var target = Ledger.Financial + requests;
        await Eventually.AssertAsync(() => Assert.True(Ledger.Financial >= target, $"{Ledger.Financial} of {target} acquirer requests"), TrafficWait);
    }

    private static int FreePort()
    {
        using var probe = LoopbackListener.Bound();
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private readonly record struct LedgerView(Ledger Source)
    {
        public int Financial => Source.Entries.Count(e => e.Mti is "0100" or "0200");
    }
}
