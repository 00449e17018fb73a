using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switch.Protocol.Masking;
using Switch.Protocol.Webhooks;
using BadHttpRequestException = Microsoft.AspNetCore.Http.BadHttpRequestException;

namespace Switch.Traffic.Sms;

/// <summary>
/// The simulated cardholders' phones: an HTTP server that receives the switch's SMS webhook
/// (<c>POST /sms</c>), checks its signature and body, and keeps each challenge's latest code for the
/// generator (<see cref="WaitForCodeAsync"/>) or another process (<c>GET /codes/{challengeId}</c>,
/// <c>GET /stats</c>).
/// </summary>
public sealed class SmsSink : IAsyncDisposable
{
    /// <summary>Where the webhook is posted.</summary>
    public const string WebhookPath = "/sms";

    /// <summary>A webhook body is a phone, a short text and an id; anything near this size is not one.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly SmsSinkOptions _options;
    private readonly CodeBook _codes;
    private readonly WebApplication _app;
    private readonly ListenOptions _listener;
    private long _received;
    private long _rejected;
    private int _disposed;

    public SmsSink(SmsSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _codes = new CodeBook(options.Capacity);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // The host's own logs would print to the console beside the generator's; the sink reports through OnReceived.
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        ListenOptions? listener = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.Listen(options.Listen, listen => listener = listen);
        });
        _app = builder.Build();
        _listener = listener!;
        _app.MapPost(WebhookPath, (Func<HttpContext, Task<IResult>>)ReceiveAsync);
        _app.MapGet("/codes/{challengeId}", (string challengeId) => _codes.Find(challengeId) is { } code
            ? Results.Json(new CodeAnswer(challengeId, code), SmsSinkJson.Default.CodeAnswer)
            : Results.Json(new ErrorAnswer($"no code for challenge {challengeId}"), SmsSinkJson.Default.ErrorAnswer, statusCode: StatusCodes.Status404NotFound));
        _app.MapGet("/stats", () => Results.Json(Stats, SmsSinkJson.Default.SmsSinkStats));
    }

    /// <summary>Where the sink listens, with the actual port when port 0 was asked for; valid after <see cref="StartAsync"/>.</summary>
    public IPEndPoint LocalEndPoint => _listener.IPEndPoint!;

    /// <summary>
    /// The URL to configure as the switch's <c>switch.sms.webhook-url</c>; a sink listening on every
    /// interface (0.0.0.0) is named by its loopback address, which a client can connect to.
    /// </summary>
    public Uri WebhookUrl
    {
        get
        {
            var endpoint = LocalEndPoint;
            var address = endpoint.Address.Equals(IPAddress.Any) ? IPAddress.Loopback
                : endpoint.Address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
                : endpoint.Address;
            return new Uri($"http://{new IPEndPoint(address, endpoint.Port)}{WebhookPath}");
        }
    }

    public SmsSinkStats Stats => new(Interlocked.Read(ref _received), Interlocked.Read(ref _rejected), _codes.Count);

    /// <summary>Binds and starts serving; an address in use fails here (<see cref="IOException"/>).</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    /// <summary>
    /// The latest code texted for <paramref name="challengeId"/>: at once if it has come, otherwise as
    /// soon as it does; null when none comes within <paramref name="timeout"/>.
    /// </summary>
    public Task<string?> WaitForCodeAsync(string challengeId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(challengeId);
        return _codes.WaitAsync(challengeId, timeout, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        using (var stopping = new CancellationTokenSource(StopTimeout))
        {
            await _app.StopAsync(stopping.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Reject(StatusCodes.Status413PayloadTooLarge, $"the body exceeds {MaxBodyBytes} bytes");
        }

        var signatures = context.Request.Headers[WebhookSignature.Header];
        if (!string.IsNullOrEmpty(_options.Secret) && !WebhookSignature.Verify(_options.Secret, body, signatures.Count == 1 ? signatures[0] : null))
        {
            return Reject(StatusCodes.Status401Unauthorized, $"{WebhookSignature.Header} is missing or does not sign this body");
        }

        if (!SmsWebhookRequest.TryParse(body, out var sms, out var error))
        {
            return Reject(StatusCodes.Status400BadRequest, error);
        }

        if (!OneTimeCode.TryFind(sms!.Text, out var code))
        {
            return Reject(StatusCodes.Status400BadRequest, $"\"text\" holds no code ({OneTimeCode.MinDigits} to {OneTimeCode.MaxDigits} digits in a row)");
        }

        _codes.Put(sms.ChallengeId, code);
        Interlocked.Increment(ref _received);
        _options.OnReceived?.Invoke(new SmsReceipt(sms.ChallengeId, Mask.Phone(sms.To)));
        return Results.NoContent();
    }

    private IResult Reject(int status, string error)
    {
        Interlocked.Increment(ref _rejected);
        return Results.Json(new ErrorAnswer(error), SmsSinkJson.Default.ErrorAnswer, statusCode: status);
    }
}
