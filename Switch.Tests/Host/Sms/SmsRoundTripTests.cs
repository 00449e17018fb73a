using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Switch.Actors.Cards;
using Switch.Traffic.Sms;

namespace Switch.Tests.Host.Sms;

/// <summary>The switch's sender against the generator's sink, over loopback, as the demo runs them.</summary>
public sealed class SmsRoundTripTests
{
    private const string Secret = "demo-sms-secret";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_signed_sms_reaches_the_sink_which_hands_its_code_to_the_waiting_cardholder()
    {
        await using var sink = await StartSinkAsync(Secret);
        await using var services = SmsSenders.Build(SmsSenders.Fast(sink.WebhookUrl, Secret));
        var waiting = sink.WaitForCodeAsync("CI0000000042", Wait);

        var delivery = await services.GetRequiredService<ISmsSender>().SendAsync(SmsSenders.Message("CI0000000042"), CancellationToken.None);

        Assert.Equal(new SmsDelivery(SmsDeliveryStatus.Delivered, 1), delivery);
        Assert.Equal(SmsSenders.Code, await waiting.WaitAsync(Wait));
    }

    [Fact]
    public async Task A_sender_with_the_wrong_secret_is_refused_once_and_not_retried()
    {
        await using var sink = await StartSinkAsync(Secret);
        await using var services = SmsSenders.Build(SmsSenders.Fast(sink.WebhookUrl, "not-the-secret"));

        var delivery = await services.GetRequiredService<ISmsSender>().SendAsync(SmsSenders.Message(), CancellationToken.None);

        Assert.Equal(new SmsDelivery(SmsDeliveryStatus.Failed, 1, "HTTP 401"), delivery);
        Assert.Equal(new SmsSinkStats(0, 1, 0), sink.Stats);
    }

    private static async Task<SmsSink> StartSinkAsync(string secret)
    {
        var sink = new SmsSink(new SmsSinkOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), Secret = secret });
        await sink.StartAsync();
        return sink;
    }
}
