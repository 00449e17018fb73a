using System.Diagnostics.CodeAnalysis;
using Serilog.Core;
using Switch.Host.Terminals;
using Switch.Tests.Support;
using Switch.Tests.Traffic;
using Switch.Traffic.Acquirer;
using Switch.Traffic.Attack;
using Switch.Traffic.Generator;

namespace Switch.Tests.Host.Terminals;

/// <summary>
/// Each attack of <c>Switch.Traffic attack</c> against a whole node while a small normal fleet runs on
/// the same port: the switch closes or refuses the attack's connections, counts them under the
/// expected reason, and every purchase of the fleet is still approved. Latency is the benchmark's
/// business (README, Attacks on the terminal port), not asserted here.
/// </summary>
[Collection(TrafficRuns.Name)]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes them through IAsyncLifetime.DisposeAsync.")]
public sealed class TerminalPortAttackTests : IAsyncLifetime
{
    private const int FleetTerminals = 3;
    private static readonly TimeSpan AttackTime = TimeSpan.FromSeconds(3);

    private readonly AcquirerSimulator _acquirer = new(new AcquirerSimulatorOptions(), Logger.None);
    private TestNode? _node;

    public static TheoryData<string, string, string, string?> Attacks => new()
    {
        { "slowloris", "switch.terminals.frame-timeout = 1s", TerminalPortMetrics.ClosedByLimitName, "slow-frame" },
        { "connection-flood", $"switch.terminals.max-connections = {FleetTerminals + 5}", TerminalPortMetrics.RefusedName, "node-limit" },
        { "oversized-length", string.Empty, TerminalPortMetrics.ClosedForBadInputName, null },
        { "sign-on-flood", "switch.terminals.max-sign-ons-per-minute = 5", TerminalPortMetrics.ClosedByLimitName, "sign-on-flood" },
        { "garbage-frames", string.Empty, TerminalPortMetrics.ClosedForBadInputName, null },
    };

    public Task InitializeAsync()
    {
        _acquirer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
            _node.Config.Delete();
        }

        await _acquirer.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task The_switch_turns_the_attack_away_while_the_normal_fleet_keeps_its_approvals(string attack, string limits, string counter, string? reason)
    {
        Assert.True(AttackKinds.TryParse(attack, out var kind));
        // The attacker shares the test's two cores with the node: a link timeout of the default
        // test's 1 s would turn a slow answer into 68, which is latency, not what is asserted here.
        var config = new NodeConfig(NodeConfig.WithNewDatabase().DatabasePath) { Extra = limits, LinkTimeout = TimeSpan.FromSeconds(15) };
        config.Acquirers.Add(("acq-attacked", _acquirer.LocalEndPoint));
        _node = await TestNode.StartAsync(config);
        await _node.WaitForRouteAsync("acq-attacked");
        using var counted = new ReasonCounts(counter);

        var signedOn = new FleetSignedOn();
        var running = TrafficRun.RunAsync(new RunOptions { Target = _node.TerminalEndPoint, Terminals = FleetTerminals, Rate = 30, Duration = 2 * AttackTime, FirstTerminal = 51 }, Logger.None, signedOn);
        await signedOn.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var outcome = await new TerminalPortAttack(new AttackOptions { Target = _node.TerminalEndPoint, Kind = kind, Connections = 20, Duration = AttackTime }).RunAsync();
        var fleet = await running;

        Assert.True(outcome.ClosedBySwitch > 0, outcome.Summary);
        Assert.True((reason is null ? counted.Total : counted[reason]) > 0, $"{counter}{{reason={reason}}} did not move; {outcome.Summary}");
        Assert.True(FleetTerminals == fleet.SignedOn, string.Join("; ", fleet.SignOnFailures));
        Assert.True(fleet.Completed > 0, "the fleet completed nothing");
        Assert.True(fleet.Completed == fleet.ResponseCodes.GetValueOrDefault("00"), string.Join(", ", fleet.ResponseCodes.Select(c => $"{c.Key}: {c.Value}")));
        Assert.True(fleet.Timeouts + fleet.ConnectionLosses + fleet.Unreadable == 0, $"{fleet.Timeouts} timeouts, {fleet.ConnectionLosses} connections lost, {fleet.Unreadable} unreadable");
    }
}
