using Microsoft.Extensions.Logging;
using Switch.Actors.Cards;
using Switch.Protocol.Masking;

namespace Switch.Host.Sms;

/// <summary>The sender when <c>switch.sms.webhook-url</c> is empty: nothing is sent, and each message says so in the log.</summary>
public sealed class NoSmsSender : ISmsSender
{
    private static readonly Task<SmsDelivery> NotConfigured = Task.FromResult(new SmsDelivery(SmsDeliveryStatus.NotConfigured, 0, "switch.sms.webhook-url is empty"));

    private readonly ILogger<NoSmsSender> _log;

    public NoSmsSender(ILogger<NoSmsSender> log) => _log = log;

    public Task<SmsDelivery> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        SmsLog.NotConfigured(_log, message.ChallengeId, Mask.Phone(message.To));
        return NotConfigured;
    }
}
