using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switch.Actors.Cards;
using Switch.Host.Configuration;
using Switch.Host.Sms;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Sms;

public sealed class SmsLoggingTests
{
    private const string Secret = "gateway-shared-secret";

    [Fact]
    public async Task No_log_line_of_any_outcome_holds_the_phone_the_code_the_text_or_the_secret()
    {
        var logs = new CapturedLogs();
        await using var retried = await ScriptedWebhook.StartAsync(503, 200);
        await using var refused = await ScriptedWebhook.StartAsync(400);
        using var closed = LoopbackListener.Bound();
        using var silent = new LoopbackListener();

        await SendAsync(SmsSenders.Fast(retried.Url, Secret), "CI-RETRIED", SmsDeliveryStatus.Delivered);
        await SendAsync(SmsSenders.Fast(refused.Url, Secret), "CI-REFUSED", SmsDeliveryStatus.Failed);
        await SendAsync(SmsSenders.Fast(new Uri($"http://{closed.LocalEndPoint}/sms"), Secret) with { Attempts = 2 }, "CI-CLOSED", SmsDeliveryStatus.Failed);
        await SendAsync(SmsSenders.Fast(new Uri($"http://{silent.EndPoint}/sms"), Secret) with { Timeout = TimeSpan.FromMilliseconds(100), Attempts = 2 }, "CI-SILENT", SmsDeliveryStatus.Failed);
        await SendAsync(SmsSenders.Fast(url: null), "CI-NOURL", SmsDeliveryStatus.NotConfigured);

        var text = logs.AllText.ToList();
        // The HTTP client factory's own request logs (headers at Trace) are searched too.
        Assert.Contains(logs.Lines, l => l.Category.StartsWith("System.Net.Http.HttpClient." + WebhookSmsSender.HttpClientName, StringComparison.Ordinal) && l.Level == LogLevel.Trace);
        foreach (var secret in new[] { SmsSenders.Phone, SmsSenders.Code, SmsSenders.Text, Secret })
        {
            Assert.DoesNotContain(text, line => line.Contains(secret, StringComparison.Ordinal));
        }

        // The outcomes themselves are there, with the masked phone and the challenge id.
        var outcomes = logs.Lines.Where(l => l.Category.StartsWith("Switch.Host.Sms", StringComparison.Ordinal) && l.Level >= LogLevel.Information).ToList();
        Assert.Equal(5, outcomes.Count);
        Assert.All(outcomes, line => Assert.Contains("138****5678", line.Message, StringComparison.Ordinal));
        Assert.Contains(outcomes, l => l.Level == LogLevel.Information && l.Message.Contains("CI-RETRIED", StringComparison.Ordinal) && l.Message.Contains("after 2 attempt(s)", StringComparison.Ordinal));
        Assert.Contains(outcomes, l => l.Level == LogLevel.Warning && l.Message.Contains("CI-REFUSED", StringComparison.Ordinal) && l.Message.EndsWith("HTTP 400", StringComparison.Ordinal));
        Assert.Contains(outcomes, l => l.Message.Contains("CI-CLOSED", StringComparison.Ordinal) && l.Message.EndsWith("transport error (ConnectionError)", StringComparison.Ordinal));
        Assert.Contains(outcomes, l => l.Message.Contains("CI-SILENT", StringComparison.Ordinal) && l.Message.EndsWith("timed out after 100 ms", StringComparison.Ordinal));
        Assert.Contains(outcomes, l => l.Message.Contains("CI-NOURL", StringComparison.Ordinal) && l.Message.Contains("not sent", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Debug && l.Message.Contains("CI-RETRIED", StringComparison.Ordinal) && l.Message.Contains("attempt 1 failed (HTTP 503)", StringComparison.Ordinal));

        async Task SendAsync(SmsSettings settings, string challengeId, SmsDeliveryStatus expected)
        {
            await using var services = SmsSenders.Build(settings, logs);
            var delivery = await services.GetRequiredService<ISmsSender>().SendAsync(SmsSenders.Message(challengeId), CancellationToken.None);
            Assert.Equal(expected, delivery.Status);
        }
    }
}
