using System.Diagnostics.CodeAnalysis;
using System.Security.Authentication;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Tls;

/// <summary>
/// A node whose terminal port speaks TLS (with <paramref name="clientCertificate"/> = none or
/// require, and <paramref name="extra"/> HOCON last), an acquirer simulator behind it, and a CA of
/// the test's own; and what its tests share.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Disposed through IAsyncLifetime, which xunit 2 calls.")]
public abstract class TerminalPortTls(string acquirer, string clientCertificate, string extra = "") : IAsyncLifetime
{
    /// <summary>The terminal-port tests count handshake failures on the process-wide meter: one class at a time.</summary>
    public const string Collection = "terminal-port-tls";

    private TestNode? _node;

    internal AcquirerAndJournal World { get; } = new(acquirer: acquirer);

    internal TlsFiles Files { get; } = new();

    internal TestNode Node => _node ?? throw new InvalidOperationException("the node starts in InitializeAsync");

    public async Task InitializeAsync() => _node = await StartNodeAsync(World, Files, clientCertificate, extra);

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        await World.DisposeAsync();
        Files.Dispose();
    }

    private static async Task<TestNode> StartNodeAsync(AcquirerAndJournal world, TlsFiles files, string clientCertificate, string extra)
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
                {{extra}}
                """,
        };
        config.Acquirers.AddRange(world.Config.Acquirers);
        var node = await TestNode.StartAsync(config);
        await node.WaitForRouteAsync(world.Name);
        return node;
    }

    /// <summary>Signs <paramref name="tid"/> on and buys with it; the purchase's response code.</summary>
    internal static async Task<string> SignOnAndBuyAsync(FramedClient terminal, string tid)
    {
        await terminal.SendRawAsync(TerminalMessages.SignOn(tid, stan: 1));
        Assert.Equal("00", (await terminal.ReceiveMessageAsync())[39]);
        await terminal.SendRawAsync(TerminalMessages.Purchase(tid, stan: 2, amount: 1000));
        var reply = await terminal.ReceiveMessageAsync();
        Assert.Equal(210, reply.Mti);
        return reply[39];
    }

    /// <summary>
    /// Whether the switch closed the connection (rather than answer) within the wait; when it did
    /// neither, <paramref name="stillOpen"/> says what to return (by default the wait's cancellation is thrown).
    /// </summary>
    internal static async Task<bool> ClosedAsync(FramedClient client, TimeSpan wait, bool? stillOpen = null)
    {
        try
        {
            return await client.ReceiveAsync(wait) is null;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException) when (stillOpen is { } open)
        {
            return open;
        }
    }

    /// <summary>Whether a TLS handshake with these options fails, the switch refusing it (or closing on it).</summary>
    internal static async Task<bool> HandshakeOrFirstReplyFailsAsync(System.Net.IPEndPoint port, System.Net.Security.SslClientAuthenticationOptions options, string tid)
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
