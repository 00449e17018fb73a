using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Switch.Actors.Cards;
using Switch.Host.Configuration;
using Switch.Protocol.Masking;
using Switch.Protocol.Webhooks;

namespace Switch.Host.Sms;

/// <summary>
/// Texts one-time codes through <c>switch.sms.webhook-url</c>: a JSON POST, signed when a secret is
/// set, retried and bounded by <see cref="SmsDeliveryPipeline"/>. It never throws for a failed
/// delivery, nor for a cancelled one: either is a <see cref="SmsDeliveryStatus.Failed"/> outcome, logged
/// with the masked phone and the challenge id, never the phone in clear, the text or the code.
/// </summary>
/// <remarks>
/// A signature covers the body only (the contract). There is no timestamp header: one outside the
/// signature would prove nothing, and a replayed request can only re-send the same text to the
/// same bound phone. A gateway that wants to drop repeats can key on the challenge id and the
/// signature, which also catches a retry of an attempt whose answer was lost.
/// </remarks>
public sealed class WebhookSmsSender : ISmsSender
{
    /// <summary>The <see cref="IHttpClientFactory"/> client the webhook is called with.</summary>
    public const string HttpClientName = "switch-sms-webhook";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly IHttpClientFactory _clients;
    private readonly SmsSettings _settings;
    private readonly Uri _url;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ILogger<WebhookSmsSender> _log;

    public WebhookSmsSender(IHttpClientFactory clients, SmsSettings settings, ILogger<WebhookSmsSender> log)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        _clients = clients;
        _settings = settings;
        _url = settings.WebhookUrl ?? throw new ArgumentException("switch.sms.webhook-url is empty; use NoSmsSender", nameof(settings));
        _log = log;
        _pipeline = SmsDeliveryPipeline.Create(settings, log);
    }

    public async Task<SmsDelivery> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = SmsWebhookBody.Write(message);
        var signature = _settings.Secret.Length == 0 ? null : WebhookSignature.Sign(_settings.Secret, body);
        var recipient = new SmsRecipient(message.ChallengeId, Mask.Phone(message.To));
        var client = _clients.CreateClient(HttpClientName);
        var attempts = 0;
        var started = Stopwatch.GetTimestamp();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SmsDeliveryPipeline.Recipient, recipient);
        string? failure;
        try
        {
            using var response = await _pipeline.ExecuteAsync(
                async attempt =>
                {
                    attempts++;
                    using var request = NewRequest(body, signature);
                    return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.CancellationToken).ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
            failure = response.IsSuccessStatusCode ? null : SmsDeliveryPipeline.Describe(response);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            failure = "cancelled";
        }
        catch (Exception ex) // the contract is an outcome, never an exception; the error is described by its kind only
        {
            failure = SmsDeliveryPipeline.Describe(ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (failure is null)
        {
            SmsLog.Delivered(_log, recipient.ChallengeId, recipient.MaskedPhone, attempts, elapsedMs);
            return new SmsDelivery(SmsDeliveryStatus.Delivered, attempts);
        }

        SmsLog.Failed(_log, recipient.ChallengeId, recipient.MaskedPhone, attempts, elapsedMs, failure);
        return new SmsDelivery(SmsDeliveryStatus.Failed, attempts, failure);
    }

    /// <summary>A request per attempt: a sent <see cref="HttpRequestMessage"/> cannot be sent again.</summary>
    private HttpRequestMessage NewRequest(byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.Header, signature);
        }

        return request;
    }
}
