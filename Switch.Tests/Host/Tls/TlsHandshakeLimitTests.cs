using Switch.Host.Terminals;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Tls;

/// <summary>
/// Connections still in their handshake are bounded by max-connections too (the connection gate
/// counts only from the handshake on), and a finished handshake gives its place back.
/// </summary>
[Collection(TerminalPortTls.Collection)]
public sealed class TlsHandshakeLimitTests() : TerminalPortTls(
    "acq-tls-limit",
    clientCertificate: "none",
    extra: "switch.terminals { max-connections = 2, tls.handshake-timeout = 60s }")
{
    [Fact]
    public async Task With_two_handshakes_under_way_a_third_connection_is_refused_while_a_terminal_past_its_handshake_is_served()
    {
        using var refused = new ReasonCounts(TerminalPortMetrics.RefusedName);
        await using var terminal = await FramedClient.ConnectTlsAsync(Node.TerminalEndPoint, Files.ClientOptions());
        Assert.Equal("00", await SignOnAndBuyAsync(terminal, NodeConfig.Tid(1)));

        var silent = new List<FramedClient>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                silent.Add(await FramedClient.ConnectAsync(Node.TerminalEndPoint));
            }

            await Eventually.AssertAsync(() => Assert.Equal(1, refused[ConnectionGate.NodeLimit]));
            var closed = await Task.WhenAll(silent.Select(client => ClosedAsync(client, TimeSpan.FromSeconds(1), stillOpen: false)));
            Assert.Equal(1, closed.Count(c => c));
            Assert.Equal(0, refused[TerminalTls.HandshakeFailed]);
        }
        finally
        {
            foreach (var client in silent)
            {
                await client.DisposeAsync();
            }
        }

        await terminal.SendRawAsync(TerminalMessages.Purchase(NodeConfig.Tid(1), stan: 3, amount: 1000));
        Assert.Equal("00", (await terminal.ReceiveMessageAsync())[39]);
    }
}
