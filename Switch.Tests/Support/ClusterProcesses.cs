using System.Net;

namespace Switch.Tests.Support;

/// <summary>What the tests of several node processes in one cluster share: ports, link waits, and a terminal's retransmissions.</summary>
internal static class ClusterProcesses
{
    /// <summary>
    /// Failure detection (about 3 s of missed heartbeats), the split-brain resolver's stable-after, the
    /// removal, and the entity's start and recovery on the survivor, on a loaded machine.
    /// </summary>
    public static TimeSpan FailoverWait { get; } = TimeSpan.FromSeconds(60);

    /// <summary>A terminal's wait for an answer before it transmits again (a POS's is 30 to 60 s; shorter keeps the tests short).</summary>
    public static TimeSpan ResponseTimeout { get; } = TimeSpan.FromSeconds(5);

    /// <summary>A loopback port free now: the nodes joining a seed must know its port before it starts.</summary>
    public static int FreePort()
    {
        using var probe = LoopbackListener.Bound();
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>Waits until the node's link to <paramref name="acquirer"/> is up (1) or down (0), as its metrics say.</summary>
    public static async Task WaitForLinkAsync(NodeProcess node, string acquirer, bool up = true)
    {
        using var admin = node.AdminClient(NodeConfig.Token);
        await Eventually.AssertAsync(
            async () => Assert.Matches($$"""switch_acquirer_link_up\{[^}]*acquirer="{{acquirer}}"\} {{(up ? 1 : 0)}}""", await admin.GetStringAsync(new Uri("/metrics", UriKind.Relative))),
            NodeProcess.FirstReplyWait);
    }

    /// <summary>
    /// What a POS does: the request, again on a new connection whenever an answer does not come within
    /// its response timeout. A request that reaches the survivor before it has downed the dead node is
    /// sent on towards the entity's old home and lost; only a retransmission after the failover is served.
    /// </summary>
    public static async Task<(ReceivedMessage Answer, int Attempts)> RetransmitUntilAnsweredAsync(NodeProcess node, byte[] request)
    {
        var deadline = DateTime.UtcNow + FailoverWait;
        for (var attempt = 1; ; attempt++)
        {
            await using var terminal = await FramedClient.ConnectAsync(node.TerminalEndPoint);
            await terminal.SendRawAsync(request);
            try
            {
                return (await terminal.ReceiveMessageAsync(ResponseTimeout), attempt);
            }
            catch (OperationCanceledException) when (DateTime.UtcNow < deadline)
            {
                // No answer in time: transmitted again, as the terminal's retry would.
            }
        }
    }
}
