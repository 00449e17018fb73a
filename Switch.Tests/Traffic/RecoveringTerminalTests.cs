using Serilog.Core;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;
using Switch.Traffic.Generator;
using Switch.Traffic.Generator.Recovery;

namespace Switch.Tests.Traffic;

/// <summary>
/// <c>--recover</c> terminals against the acquirer simulator (which answers sign-ons, purchases and
/// reversals as a switch would) while it drops the connection on every purchase.
/// </summary>
[Collection(TrafficRuns.Name)]
public sealed class RecoveringTerminalTests : IAsyncLifetime
{
    private readonly string _outcomes = Path.Combine(Path.GetTempPath(), $"outcomes-{Guid.NewGuid():N}.jsonl");
    private AcquirerSimulator _simulator = null!;

    public Task InitializeAsync()
    {
        _simulator = TrafficRunTests.Start(new AcquirerSimulatorOptions());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        File.Delete(_outcomes);
    }

    [Fact]
    public async Task An_unanswered_purchase_is_retransmitted_exactly_on_a_new_connection_then_reversed_and_its_outcome_written()
    {
        _simulator.Options.Rules.Fault = LinkFault.Disconnect;
        using var stop = new CancellationTokenSource();
        var run = TrafficRun.RunAsync(
            TrafficRunTests.Options(_simulator.LocalEndPoint) with
            {
                Duration = TimeSpan.FromMinutes(5),
                Timeout = TimeSpan.FromSeconds(5),
                Recovery = new RecoveryOptions { Retransmits = 1, OutcomesPath = _outcomes },
            },
            Logger.None,
            stop.Token);

        await Eventually.AssertAsync(() => Assert.Contains(_simulator.Ledger.Entries, e => e.IsReversal), TimeSpan.FromSeconds(30));
        _simulator.Options.Rules.Fault = null;
        await Eventually.AssertAsync(() => Assert.Contains(_simulator.Ledger.Entries, e => e.Mti == "0200" && e.ResponseCode == "00"), TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        var results = await run;

        var ledger = _simulator.Ledger.Entries;
        var outcomes = OutcomeLog.Read(_outcomes);
        var first = outcomes[0];
        // Sent, dropped; the terminal reconnects and signs on again, retransmits the same request, dropped again; then reverses it.
        Assert.Equal(["0800", "0200", "0800", "0200", "0800", "0400"], ledger.Take(6).Select(e => e.Mti));
        Assert.Equal(ledger[1] with { At = default }, ledger[3] with { At = default });
        Assert.Equal(first.Stan.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), ledger[1].Stan);
        Assert.Equal((2, null, "00"), (first.Sends, first.ResponseCode, first.ReversalCode));
        // The next purchase may have met the fault too before it was switched off; every one is settled either way.
        Assert.All(outcomes, o => Assert.False(o.Unresolved));
        Assert.Contains(outcomes, o => o.ResponseCode == "00");
        Assert.Equal(outcomes.Count, results.Sent);
        Assert.Equal(results.Sent, results.Completed + results.ConnectionLosses);
        Assert.Equal(outcomes.Count(o => o.ResponseCode is null), results.ConnectionLosses);
        Assert.Equal(outcomes.Select(o => o.Stan).Distinct().Count(), outcomes.Count);
    }
}
