using System.Net;
using Serilog.Core;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;
using Switch.Traffic.Sms;

namespace Switch.Tests.Host;

/// <summary>
/// One node whose merchant challenges every purchase (challenge = always), the acquirer simulator
/// behind it, and the SMS sink the node texts codes to. Each test uses terminals and cards of its own.
/// </summary>
public sealed class ChallengeWorldFixture : IAsyncLifetime
{
    private TestNode? _node;

    internal AcquirerSimulator Simulator { get; } = new(new AcquirerSimulatorOptions(), Logger.None);

    internal SmsSink Sms { get; } = new(new SmsSinkOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0) });

    internal TestNode Node => _node ?? throw new InvalidOperationException("the node has not started");

    public async Task InitializeAsync()
    {
        Simulator.Start();
        await Sms.StartAsync();
        var config = new NodeConfig(NodeConfig.WithNewDatabase().DatabasePath) { Challenge = "always", SmsWebhook = Sms.WebhookUrl };
        config.Acquirers.Add(("acq-sim", Simulator.LocalEndPoint));
        _node = await TestNode.StartAsync(config);
        await _node.WaitForRouteAsync("acq-sim");
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
            _node.Config.Delete();
        }

        await Sms.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
