using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Serilog.Core;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;
using Switch.Traffic.Sms;
using Xunit.Abstractions;

namespace Switch.Tests.Host;

/// <summary>
/// Two node processes in one cluster on one PostgreSQL journal, and the death (SIGKILL) of the oldest,
/// A, which holds the singletons: the registry, the fee plans and the acquirer's reversal queue. A's
/// link goes to one simulator and B's to another, so the test knows which node sent what. B must
/// survive A: under keep-majority two nodes are a tie, which the side with the lowest address wins, so
/// B gets the lower cluster port.
/// </summary>
[Collection(NodeProcesses.Name)]
public sealed class ClusterSingletonFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Its own name: link states on the process-wide meter are kept by acquirer name.</summary>
    private const string Acquirer = "singleton-sim";

    private const string ChallengeMid = "M00000000000050";

    private const string ChallengeTid = "T0000050";

    /// <summary>Shorter than the shipped 20 s, so the test is quick; B, on the lower port, is the side kept.</summary>
    private const string Downing = "switch.cluster { downing = keep-majority, stable-after = 3s }";

    private ClusterWorld? _world;

    /// <summary>Behind node A's link; stopped, so A's link is down while the reversal is queued.</summary>
    private AcquirerSimulator SimulatorOfA { get; } = new(new AcquirerSimulatorOptions(), Logger.None);

    private ClusterWorld World => _world ?? throw new InvalidOperationException("the world was not started");

    /// <summary>Behind node B's link: the world's own.</summary>
    private AcquirerSimulator SimulatorOfB => World.Simulator;

    private SmsSink Sms { get; } = new(new SmsSinkOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0) });

    public async Task InitializeAsync()
    {
        SimulatorOfA.Start();
        await Sms.StartAsync();
        _world = await ClusterWorld.StartAsync(Acquirer, new AcquirerSimulatorOptions());
    }

    public async Task DisposeAsync()
    {
        await Sms.DisposeAsync();
        await SimulatorOfA.DisposeAsync();
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    [Fact]
    public async Task When_the_node_holding_the_singletons_is_killed_a_queued_reversal_is_delivered_once_and_an_open_challenge_completes_on_the_survivor()
    {
        var (portOfB, portOfA) = LowerFirst(ClusterProcesses.FreePort(), ClusterProcesses.FreePort());
        await using var a = await World.StartNodeAsync(nodeId: 1, portOfA, portOfA, extra: Downing, acquirer: SimulatorOfA.LocalEndPoint, smsWebhook: Sms.WebhookUrl);
        await using var b = await World.StartNodeAsync(nodeId: 2, portOfB, portOfA, extra: Downing, acquirer: SimulatorOfB.LocalEndPoint, smsWebhook: Sms.WebhookUrl);
        using var adminOfB = b.AdminClient(NodeConfig.Token);

        // Asked through B, written by the registry singleton on A, seen by A's terminals at once.
        await PutAsync(adminOfB, $"/api/merchants/{ChallengeMid}", new { name = "Challenging Shop", mcc = "5411", country = "CN", challenge = "always" }, HttpStatusCode.Created);
        // Registered by the configuration under the test merchant: moved to the challenging one.
        await PutAsync(adminOfB, $"/api/terminals/{ChallengeTid}", new { mid = ChallengeMid }, HttpStatusCode.OK);
        // B's replica of the registry recovers the change the singleton on A journaled.
        await Eventually.AssertAsync(async () => Assert.Contains(ChallengeMid, await adminOfB.GetStringAsync(new Uri($"/api/terminals/{ChallengeTid}", UriKind.Relative)), StringComparison.Ordinal));
        var pan = ChallengeClient.Pan(50);
        await ChallengeClient.BindAsync(adminOfB, pan);

        // A purchase, approved, then the terminal's reversal of it: durable in the queue on A, whose link is down.
        var tid = NodeConfig.Tid(1);
        await using var terminal = await FramedClient.ConnectAsync(b.TerminalEndPoint);
        await terminal.SendRawAsync(TerminalMessages.SignOn(tid, stan: 1));
        Assert.Equal("00", (await terminal.ReceiveMessageAsync(NodeProcess.FirstReplyWait))[39]);
        await terminal.SendRawAsync(TerminalMessages.Purchase(tid, stan: 2, amount: 4200));
        var purchase = await terminal.ReceiveMessageAsync(NodeProcess.FirstReplyWait);
        Assert.Equal("00", purchase[39]);
        var rrn = purchase[37];
        await SimulatorOfA.DisposeAsync();
        await ClusterProcesses.WaitForLinkAsync(a, Acquirer, up: false);
        await terminal.SendRawAsync(TerminalMessages.Reversal(tid, stan: 2, amount: 4200));
        var reversal = await terminal.ReceiveMessageAsync(NodeProcess.FirstReplyWait);
        Assert.Equal((410, "00", rrn), (reversal.Mti, reversal[39], reversal[37]));
        // Logged before the queue accepts it; the process's output is read asynchronously.
        await Eventually.AssertAsync(() => Assert.Matches($"{rrn}\"? queued; 1 pending", a.Output));

        // A challenge opened on A: the switch waits for the phone number.
        await using var atA = await FramedClient.ConnectAsync(a.TerminalEndPoint);
        await atA.SendRawAsync(TerminalMessages.SignOn(ChallengeTid, stan: 1));
        Assert.Equal("00", (await atA.ReceiveMessageAsync(NodeProcess.FirstReplyWait))[39]);
        await atA.SendRawAsync(ChallengePurchase(pan, stan: 2, field62: null));
        var prompt = ChallengeClient.Tags(await atA.ReceiveMessageAsync(NodeProcess.FirstReplyWait));
        Assert.Equal("PHONE", prompt["ST"]);
        var challengeId = prompt["CI"];

        var failover = Stopwatch.StartNew();
        await a.KillAsync();

        // Until B has removed A, a step whose card entity lived on A is sent there and its ask times out (96).
        await Eventually.AssertAsync(() => Assert.Contains("Leader is removing unreachable node", b.Output, StringComparison.Ordinal), ClusterProcesses.FailoverWait);
        output.WriteLine($"SIGKILL of node A to its removal by node B: {failover.Elapsed.TotalSeconds:F1} s");

        // The phone, then the code, on the survivor: the challenge's state comes back from the journal.
        var (phoneStep, attempts) = await ClusterProcesses.RetransmitUntilAnsweredAsync(b, ChallengePurchase(pan, stan: 3, TerminalMessages.ChallengeStep(challengeId, phone: ChallengeClient.Phone)));
        output.WriteLine($"SIGKILL of node A to the challenge's phone step answered on node B: {failover.Elapsed.TotalSeconds:F1} s, {attempts} transmission(s)");
        Assert.Equal("OTP", ChallengeClient.Tags(phoneStep)["ST"]);
        var code = await Sms.WaitForCodeAsync(challengeId, TimeSpan.FromSeconds(15));
        Assert.NotNull(code);
        await using var atB = await FramedClient.ConnectAsync(b.TerminalEndPoint);
        await atB.SendRawAsync(ChallengePurchase(pan, stan: 4, TerminalMessages.ChallengeStep(challengeId, code: code)));
        var final = await atB.ReceiveMessageAsync(NodeProcess.FirstReplyWait);
        Assert.Equal("00", final[39]);
        Assert.Single(SimulatorOfB.Ledger.Entries, e => e.Mti == "0200" && e.Rrn == final[37]);

        // The queue started again on B from the journal and sent the reversal through B's link, once.
        await Eventually.AssertAsync(() => Assert.Matches($"{rrn}\"? answered \"?00", b.Output), ClusterProcesses.FailoverWait);
        output.WriteLine($"SIGKILL of node A to the queued reversal answered through node B: {failover.Elapsed.TotalSeconds:F1} s");
        Assert.Single(SimulatorOfB.Ledger.Reversals, e => e.Rrn == rrn);
        Assert.DoesNotContain(SimulatorOfA.Ledger.Reversals, e => e.Rrn == rrn);
    }

    private static (int Lower, int Higher) LowerFirst(int one, int other) => one < other ? (one, other) : (other, one);

    private static byte[] ChallengePurchase(string pan, int stan, byte[]? field62) =>
        TerminalMessages.Purchase(ChallengeTid, stan, 3100, new PurchaseOptions { Pan = pan, Challenge = field62, Mid = ChallengeMid });

    private static async Task PutAsync(HttpClient admin, string path, object body, HttpStatusCode expected)
    {
        using var response = await admin.PutAsJsonAsync(path, body);
        Assert.Equal(expected, response.StatusCode);
    }
}
