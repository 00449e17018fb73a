using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Switch.Host.Configuration;

namespace Switch.Host.Sms;

/// <summary>
/// The resilience around one webhook call, outermost first: a bound on the whole delivery
/// (<c>total-timeout</c>), retries with exponential backoff and jitter (<c>attempts</c>, <c>backoff</c>,
/// <c>backoff-max</c>), and a bound on each attempt (<c>timeout</c>).
/// </summary>
internal static class SmsDeliveryPipeline
{
    /// <summary>Who a delivery is for, in loggable form, so the retry callback can say which message it retries.</summary>
    public static readonly ResiliencePropertyKey<SmsRecipient> Recipient = new("switch.sms.recipient");

    private static readonly SmsRecipient Unknown = new("?", "?");

    public static ResiliencePipeline<HttpResponseMessage> Create(SmsSettings settings, ILogger log)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(settings.TotalTimeout);
        if (settings.Attempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.Attempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.Backoff,
                MaxDelay = settings.BackoffMax,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                OnRetry = args =>
                {
                    if (log.IsEnabled(LogLevel.Debug))
                    {
                        var recipient = args.Context.Properties.GetValue(Recipient, Unknown);
                        var reason = Describe(args.Outcome);
                        SmsLog.Retrying(log, recipient.ChallengeId, recipient.MaskedPhone, args.AttemptNumber + 1, reason, (long)args.RetryDelay.TotalMilliseconds);
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(settings.Timeout).Build();
    }

    /// <summary>
    /// Worth another attempt: the gateway could not be reached or did not answer in time, or said it is
    /// overloaded or broken (408, 429, 5xx). Any other refusal (400, 401, 404, ...) would only repeat.
    /// </summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500,
        _ => false,
    };

    /// <summary>
    /// Why an attempt failed, from the status code or the kind of error only: an exception's message
    /// is never used, since a handler's message may quote the request.
    /// </summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => Describe(response),
        { Exception: { } exception } => Describe(exception),
        _ => "no outcome",
    };

    public static string Describe(HttpResponseMessage response) =>
        string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}");

    public static string Describe(Exception exception) => exception switch
    {
        // The attempt's bound or the whole delivery's: whichever ran out first.
        TimeoutRejectedException timeout => string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout.Timeout.TotalMilliseconds:0} ms"),
        HttpRequestException request => $"transport error ({request.HttpRequestError})",
        _ => exception.GetType().Name,
    };
}

/// <summary>The loggable identity of a message: its challenge and the masked phone.</summary>
internal sealed record SmsRecipient(string ChallengeId, string MaskedPhone);
