using Microsoft.Extensions.Logging;

namespace Switch.Host.Sms;

/// <summary>
/// Every log line about an SMS. Each takes the masked phone and the challenge id, and nothing else of
/// the message: the text holds the one-time code, so it is never a parameter here.
/// </summary>
internal static partial class SmsLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information,
        Message = "SMS for challenge {ChallengeId} to {Phone} delivered after {Attempts} attempt(s) in {ElapsedMs} ms")]
    public static partial void Delivered(ILogger log, string challengeId, string phone, int attempts, long elapsedMs);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning,
        Message = "SMS for challenge {ChallengeId} to {Phone} failed after {Attempts} attempt(s) in {ElapsedMs} ms: {Reason}")]
    public static partial void Failed(ILogger log, string challengeId, string phone, int attempts, long elapsedMs, string reason);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Debug,
        Message = "SMS for challenge {ChallengeId} to {Phone}: attempt {Attempt} failed ({Reason}), retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger log, string challengeId, string phone, int attempt, string reason, long delayMs);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning,
        Message = "SMS for challenge {ChallengeId} to {Phone} not sent: switch.sms.webhook-url is empty")]
    public static partial void NotConfigured(ILogger log, string challengeId, string phone);
}
