using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Json;
using Switch.Protocol.Security;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Terminals;

/// <summary>
/// A node process's whole log, through the key's registration, the sign-on that derives the session
/// key, an approval and a refused MAC: neither the master key nor the session key is ever in it.
/// </summary>
[Collection(NodeProcesses.Name)]
[SuppressMessage("Design", "CA1001", Justification = "Disposed in DisposeAsync (IAsyncLifetime), which the analyzer does not know of.")]
public sealed class TerminalMacLogTests : IAsyncLifetime
{
    /// <summary>A link timeout a loaded CI machine does not outrun (at the shipped test default of 1 s it answered 68).</summary>
    private readonly AcquirerAndJournal _world = new(linkTimeout: TimeSpan.FromSeconds(5), acquirer: "mac-log-tests-sim");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task No_master_or_session_key_reaches_the_node_s_log()
    {
        var tid = NodeConfig.Tid(21);
        using var mac = new MacTerminal();
        string output;
        await using (var node = await NodeProcess.StartAsync("run", "--config", _world.Config.WriteOverlay()))
        {
            using (var admin = node.AdminClient(NodeConfig.Token))
            {
                using var put = await admin.PutAsJsonAsync(new Uri($"/api/terminals/{tid}", UriKind.Relative), new { mid = NodeConfig.Mid, masterKey = MacTerminal.MasterKeyHex });
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            }

            await using var client = await FramedClient.ConnectAsync(node.TerminalEndPoint);
            await client.SendRawAsync(TerminalMessages.SignOn(tid, stan: 1));
            mac.SignedOn(await client.ReceiveMessageAsync(NodeProcess.FirstReplyWait));
            await client.SendRawAsync(mac.Sign(TerminalMessages.Purchase(tid, stan: 2, amount: 1800)));
            var approved = await client.ReceiveMessageAsync(NodeProcess.FirstReplyWait);
            Assert.Equal("00", approved[39]);
            Assert.Equal(MacVerdict.Valid, mac.Verify(approved));
            await client.SendRawAsync(MacTerminal.SignWithMasterKey(TerminalMessages.Purchase(tid, stan: 3, amount: 1800)));
            Assert.Equal("63", (await client.ReceiveMessageAsync(NodeProcess.FirstReplyWait))[39]);
            Assert.Equal(0, await node.TerminateAsync(TimeSpan.FromSeconds(30)));
            output = node.Output;
        }

        // The log is there: the registration with the key's check value, and the refusal with the TID.
        Assert.Contains("master key check value: 7AD386", output, StringComparison.Ordinal);
        Assert.Contains($"Terminal {tid}: 0200 answered 63, MAC check failed (wrong)", output, StringComparison.Ordinal);
        Assert.DoesNotContain(MacTerminal.MasterKeyHex, output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(mac.SessionKeyHex, output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(MacTerminal.MasterKey), output, StringComparison.Ordinal);
    }
}
