using System.Net;
using System.Net.Http.Headers;
using Akka.Actor;
using Serilog.Core;
using Switch.Host.Configuration;
using Switch.Host.Hosting;

namespace Switch.Tests.Support;

/// <summary>A whole switch node started in this process, as `Switch.Host run` starts one, on loopback ports.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    private readonly SwitchNode _node;

    private TestNode(SwitchNode node, NodeConfig config)
    {
        _node = node;
        Config = config;
        Admin = new HttpClient { BaseAddress = new Uri($"http://{node.AdminEndPoint}") };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", NodeConfig.Token);
    }

    public NodeConfig Config { get; }

    public IPEndPoint TerminalEndPoint => _node.TerminalEndPoint;

    public IPEndPoint AdminEndPoint => _node.AdminEndPoint;

    /// <summary>An HTTP client of the admin API carrying the bearer token.</summary>
    public HttpClient Admin { get; }

    public ActorSystem System => _node.System;

    /// <param name="log">Where the node logs; nowhere when null.</param>
    public static async Task<TestNode> StartAsync(NodeConfig config, Serilog.ILogger? log = null)
    {
        var hocon = SwitchConfiguration.Load([config.WriteOverlay()], _ => null);
        var node = await SwitchNode.StartAsync(hocon, SwitchSettingsReader.Read(hocon), log ?? Logger.None);
        return new TestNode(node, config);
    }

    /// <summary>Waits until the router would pick <paramref name="acquirer"/>: its link is up and routing knows it.</summary>
    public async Task WaitForRouteAsync(string acquirer)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _node.WaitForRouteAsync(acquirer, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _node.DisposeAsync();
    }
}
