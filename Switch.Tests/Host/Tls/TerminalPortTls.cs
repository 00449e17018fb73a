using System.Security.Authentication;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Tls;

/// <summary>A node whose terminal port speaks TLS, and what its tests share.</summary>
internal static class TerminalPortTls
{
    /// <summary>The terminal-port tests count handshake failures on the process-wide meter: one class at a time.</summary>
    public const string Collection = "terminal-port-tls";

    public static async Task<TestNode> StartNodeAsync(AcquirerAndJournal world, TlsFiles files, string clientCertificate = "none")
    {
        var (certificate, key) = files.Write(files.Server());
        var config = new NodeConfig(world.Config.DatabasePath)
        {
            Extra = $$"""
                switch.terminals.tls {
                  enabled = on
                  certificate-file = "{{certificate}}"
                  key-file = "{{key}}"
                  client-certificate = {{clientCertificate}}
                  client-ca-file = "{{files.CaFile}}"
                  handshake-timeout = 1s
                }
                """,
        };
        config.Acquirers.AddRange(world.Config.Acquirers);
        var node = await TestNode.StartAsync(config);
        await node.WaitForRouteAsync(world.Name);
        return node;
    }

    /// <summary>Signs <paramref name="tid"/> on and buys with it; the purchase's response code.</summary>
    public static async Task<string> SignOnAndBuyAsync(FramedClient terminal, string tid)
    {
        await terminal.SendRawAsync(TerminalMessages.SignOn(tid, stan: 1));
        Assert.Equal("00", (await terminal.ReceiveMessageAsync())[39]);
        await terminal.SendRawAsync(TerminalMessages.Purchase(tid, stan: 2, amount: 1000));
        var reply = await terminal.ReceiveMessageAsync();
        Assert.Equal(210, reply.Mti);
        return reply[39];
    }

    /// <summary>Whether the switch closed the connection (rather than answer) within the wait.</summary>
    public static async Task<bool> ClosedAsync(FramedClient client, TimeSpan wait)
    {
        try
        {
            return await client.ReceiveAsync(wait) is null;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Whether a TLS handshake with these options fails, the switch refusing it (or closing on it).</summary>
    public static async Task<bool> HandshakeOrFirstReplyFailsAsync(System.Net.IPEndPoint port, System.Net.Security.SslClientAuthenticationOptions options, string tid)
    {
        FramedClient client;
        try
        {
            client = await FramedClient.ConnectTlsAsync(port, options);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            return true;
        }

        await using (client)
        {
            // With TLS 1.3 the server's verdict on a client certificate arrives after the client's
            // handshake has completed: the refusal shows on the first read.
            try
            {
                await client.SendRawAsync(TerminalMessages.SignOn(tid, stan: 1));
            }
            catch (IOException)
            {
                return true;
            }

            return await ClosedAsync(client, TimeSpan.FromSeconds(10));
        }
    }
}
