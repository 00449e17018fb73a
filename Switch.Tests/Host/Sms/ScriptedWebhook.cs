using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Switch.Tests.Host.Sms;

/// <summary>
/// An SMS gateway on 127.0.0.1 and a free port that answers each POST with the next scripted status
/// (the last one repeats) and records what it was sent.
/// </summary>
internal sealed class ScriptedWebhook : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ListenOptions _listener;
    private readonly ConcurrentQueue<int> _script;
    private readonly int _last;

    private ScriptedWebhook(int[] statuses)
    {
        _script = new ConcurrentQueue<int>(statuses);
        _last = statuses[^1];
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        ListenOptions? listener = null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listener = listen));
        _app = builder.Build();
        _listener = listener!;
        _app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            Requests.Enqueue(new Received(
                body.ToArray(),
                context.Request.Path,
                context.Request.ContentType,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            context.Response.StatusCode = _script.TryDequeue(out var status) ? status : _last;
            if (context.Response.StatusCode == StatusCodes.Status302Found)
            {
                context.Response.Headers.Location = "/elsewhere";
            }
        });
    }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public Uri Url => new($"http://{_listener.IPEndPoint}/sms");

    public static async Task<ScriptedWebhook> StartAsync(params int[] statuses)
    {
        var webhook = new ScriptedWebhook(statuses);
        await webhook._app.StartAsync();
        return webhook;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record Received(byte[] Body, string Path, string? ContentType, IReadOnlyDictionary<string, string> Headers);
}
