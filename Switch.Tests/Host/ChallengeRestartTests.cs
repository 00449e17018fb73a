using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Serilog.Core;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;
using Switch.Traffic.Sms;

namespace Switch.Tests.Host;

/// <summary>
/// A challenge across a restart of the node, and what a challenge leaves behind: the node runs as its
/// own process, so everything it logs is captured, and its SQLite journal is read as raw bytes.
/// </summary>
[Collection(NodeProcesses.Name)]
public sealed class ChallengeRestartTests : IAsyncLifetime
{
    private const string Tid = "T0000001";

    // Disposed in DisposeAsync (IAsyncLifetime), which the analyzer does not know of.
    private AcquirerSimulator Simulator { get; } = new(new AcquirerSimulatorOptions(), Logger.None);

    private SmsSink Sms { get; } = new(new SmsSinkOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0) });

    private NodeConfig Config { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Simulator.Start();
        await Sms.StartAsync();
        Config = new NodeConfig(NodeConfig.WithNewDatabase().DatabasePath) { Challenge = "always", SmsWebhook = Sms.WebhookUrl };
        Config.Acquirers.Add(("acq-sim", Simulator.LocalEndPoint));
    }

    public async Task DisposeAsync()
    {
        await Sms.DisposeAsync();
        await Simulator.DisposeAsync();
        Config.Delete();
    }

    [Fact]
    public async Task A_challenge_survives_a_crash_between_phone_and_code_and_leaves_no_pan_phone_or_code_in_logs_or_journal()
    {
        var overlay = Config.WriteOverlay();
        var pan = ChallengeClient.Pan(11);
        string challengeId, code, rrn, output;
        await using (var node = await NodeProcess.StartAsync("run", "--config", overlay))
        {
            using var admin = node.AdminClient(NodeConfig.Token);
            await ChallengeClient.BindAsync(admin, pan);
            await using var cardholder = new ChallengeClient(await FramedClient.ConnectAsync(node.TerminalEndPoint), Tid, pan, firstStan: 1);
            await cardholder.SignOnAsync();
            var first = await cardholder.PurchaseAsync(2500, wait: NodeProcess.FirstReplyWait);
            (challengeId, rrn) = (ChallengeClient.Tags(first)["CI"], first[37]);
            Assert.Equal("OTP", ChallengeClient.Tags(await cardholder.PurchaseAsync(2500, TerminalMessages.ChallengeStep(challengeId, phone: ChallengeClient.Phone)))["ST"]);
            code = (await Sms.WaitForCodeAsync(challengeId, TimeSpan.FromSeconds(15)))!;
            Assert.NotNull(code);
            // The delivery is logged (phone masked) once the gateway has answered.
            await Eventually.AssertAsync(() => Assert.Contains("138****5678", node.Output, StringComparison.Ordinal));
            await node.KillAsync();
            output = node.Output;
        }

        await using (var restarted = await NodeProcess.StartAsync("run", "--config", overlay))
        {
            await using var cardholder = new ChallengeClient(await FramedClient.ConnectAsync(restarted.TerminalEndPoint), Tid, pan, firstStan: 10);
            var final = await cardholder.PurchaseAsync(2500, TerminalMessages.ChallengeStep(challengeId, code: code), NodeProcess.FirstReplyWait);

            Assert.Equal(("00", rrn), (final[39], final[37]));
            Assert.Single(Simulator.Ledger.Entries, e => e.Rrn == rrn);
            await restarted.TerminateAsync(TimeSpan.FromSeconds(30));
            output += restarted.Output;
        }

        Assert.Contains(challengeId, output, StringComparison.Ordinal);
        Assert.Contains(rrn, output, StringComparison.Ordinal);
        foreach (var secret in new[] { pan, ChallengeClient.Phone, code })
        {
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        }

        SqliteConnection.ClearAllPools();
        var journal = File.ReadAllBytes(Config.DatabasePath)
            .Concat(File.Exists(Config.DatabasePath + "-wal") ? File.ReadAllBytes(Config.DatabasePath + "-wal") : [])
            .ToArray();
        Assert.True(journal.AsSpan().IndexOf(Encoding.ASCII.GetBytes(challengeId)) >= 0, "the journal holds the challenge");
        foreach (var secret in new[] { pan, ChallengeClient.Phone, $"OT006{code}", $"{challengeId}:{code}" })
        {
            Assert.Equal(-1, journal.AsSpan().IndexOf(Encoding.ASCII.GetBytes(secret)));
        }
    }
}
