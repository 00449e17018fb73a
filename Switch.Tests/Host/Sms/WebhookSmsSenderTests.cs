using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Switch.Actors.Cards;
using Switch.Host.Sms;
using Switch.Protocol.Webhooks;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Sms;

public sealed class WebhookSmsSenderTests
{
    private const string Secret = "gateway-shared-secret";

    [Fact]
    public async Task The_body_is_exactly_the_contract_json_and_the_signature_is_hmac_sha256_of_it()
    {
        await using var gateway = await ScriptedWebhook.StartAsync(200);
        await using var services = SmsSenders.Build(SmsSenders.Fast(gateway.Url, Secret));

        var delivery = await services.GetRequiredService<ISmsSender>().SendAsync(SmsSenders.Message(), CancellationToken.None);

        Assert.Equal(new SmsDelivery(SmsDeliveryStatus.Delivered, 1), delivery);
        var request = Assert.Single(gateway.Requests);
        Assert.Equal("/sms", request.Path);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("""{"to":"13812345678","text":"Your code is 482913, valid 5 minutes.","challengeId":"CI0000000001"}""", Encoding.UTF8.GetString(request.Body));
        var signature = request.Headers[WebhookSignature.Header];
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), request.Body)), signature);
        Assert.True(WebhookSignature.Verify(Secret, request.Body, signature));
    }

    [Fact]
    public async Task Without_a_secret_no_signature_header_is_sent()
    {
        await using var gateway = await ScriptedWebhook.StartAsync(204);
        await using var services = SmsSenders.Build(SmsSenders.Fast(gateway.Url));

        var delivery = await services.GetRequiredService<ISmsSender>().SendAsync(SmsSenders.Message(), CancellationToken.None);

        Assert.Equal(SmsDeliveryStatus.Delivered, delivery.Status);
        Assert.False(Assert.Single(gateway.Requests).Headers.ContainsKey(WebhookSignature.Header));
    }

    [Fact]
    public async Task Two_503s_then_200_is_delivered_after_three_attempts_of_the_same_signed_body()
    {
        await using var gateway = await ScriptedWebhook.StartAsync(503, 503, 200);
        await using var services = SmsSenders.Build(SmsSenders.Fast(gateway.Url, Secret));

        var delivery = await services.GetRequiredService<ISmsSender>().SendAsync(SmsSenders.Message(), CancellationToken.None);

        Assert.Equal(new SmsDelivery(SmsDeliveryStatus.Delivered, 3), delivery);
        Assert.Equal(3, gateway.Requests.Count);
        Assert.Single(gateway.Requests.Select(r => Convert.ToHexString(r.Body)).Distinct());
        Assert.Single(gateway.Requests.Select(r => r.Headers[WebhookSignature.Header]).Distinct());
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    public async Task A_transient_answer_is_retried(int status)
    {
        await using var gateway = await ScriptedWebhook.StartAsync(status, 200);
        await using var services = SmsSenders.Build(SmsSenders.Fast(gateway.Url));

        var delivery = await services.GetRequiredService<ISmsSender>().SendAsync(SmsSenders.Message(), CancellationToken.None);

        Assert.Equal(new SmsDelivery(SmsDeliveryStatus.Delivered, 2), delivery);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(302)]
    public async Task A_refusal_is_final_after_one_attempt(int status)
    {
        await using var gateway = await ScriptedWebhook.StartAsync(status, 200);
        await using var services = SmsSenders.Build(SmsSenders.Fast(gateway.Url));

        var delivery = await services.GetRequiredService<ISmsSender>().SendAsync(SmsSenders.Message(), CancellationToken.None);

        Assert.Equal(new SmsDelivery(SmsDeliveryStatus.Failed, 1, $"HTTP {status}"), delivery);
        Assert.Single(gateway.Requests);
    }

    [Fact]
    public async Task Attempts_that_all_fail_give_up_after_the_configured_number()
    {
        await using var gateway = await ScriptedWebhook.StartAsync(503);
        await using var services = SmsSenders.Build(SmsSenders.Fast(gateway.Url));

        var delivery = await services.GetRequiredService<ISmsSender>().SendAsync(SmsSenders.Message(), CancellationToken.None);

        Assert.Equal(new SmsDelivery(SmsDeliveryStatus.Failed, 4, "HTTP 503"), delivery);
        Assert.Equal(4, gateway.Requests.Count);
    }

    [Fact]
    public async Task A_gateway_that_never_answers_fails_each_attempt_on_its_timeout()
    {
        // Listening but never accepting: the kernel completes the handshake, the request goes out, no answer comes.
        using var silent = new LoopbackListener();
        var settings = SmsSenders.Fast(new Uri($"http://{silent.EndPoint}/sms")) with { Timeout = TimeSpan.FromMilliseconds(200), Attempts = 3 };
        await using var services = SmsSenders.Build(settings);

        var delivery = await services.GetRequiredService<ISmsSender>().SendAsync(SmsSenders.Message(), CancellationToken.None);

        Assert.Equal(new SmsDelivery(SmsDeliveryStatus.Failed, 3, "timed out after 200 ms"), delivery);
    }

    [Fact]
    public async Task The_total_timeout_bounds_a_delivery_whatever_the_attempts_would_take()
    {
        using var silent = new LoopbackListener();
        var settings = SmsSenders.Fast(new Uri($"http://{silent.EndPoint}/sms")) with
        {
            Timeout = TimeSpan.FromSeconds(30),
            Attempts = 10,
            TotalTimeout = TimeSpan.FromMilliseconds(500),
        };
        await using var services = SmsSenders.Build(settings);
        var clock = Stopwatch.StartNew();

        var delivery = await services.GetRequiredService<ISmsSender>().SendAsync(SmsSenders.Message(), CancellationToken.None);

        Assert.Equal(new SmsDelivery(SmsDeliveryStatus.Failed, 1, "timed out after 500 ms"), delivery);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_refused_connection_is_retried_and_reported_as_a_transport_error()
    {
        using var closed = LoopbackListener.Bound();
        var settings = SmsSenders.Fast(new Uri($"http://{closed.LocalEndPoint}/sms")) with { Attempts = 2 };
        await using var services = SmsSenders.Build(settings);

        var delivery = await services.GetRequiredService<ISmsSender>().SendAsync(SmsSenders.Message(), CancellationToken.None);

        Assert.Equal(new SmsDelivery(SmsDeliveryStatus.Failed, 2, "transport error (ConnectionError)"), delivery);
    }

    [Fact]
    public async Task A_cancelled_delivery_is_an_outcome_not_an_exception()
    {
        using var silent = new LoopbackListener();
        await using var services = SmsSenders.Build(SmsSenders.Fast(new Uri($"http://{silent.EndPoint}/sms")));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var delivery = await services.GetRequiredService<ISmsSender>().SendAsync(SmsSenders.Message(), cancel.Token);

        Assert.Equal(new SmsDelivery(SmsDeliveryStatus.Failed, 1, "cancelled"), delivery);
    }

    [Fact]
    public async Task Without_a_webhook_url_nothing_is_sent_and_the_outcome_says_not_configured()
    {
        await using var services = SmsSenders.Build(SmsSenders.Fast(url: null));
        var sender = services.GetRequiredService<ISmsSender>();

        var delivery = await sender.SendAsync(SmsSenders.Message(), CancellationToken.None);

        Assert.IsType<NoSmsSender>(sender);
        Assert.Equal(SmsDeliveryStatus.NotConfigured, delivery.Status);
        Assert.Equal(0, delivery.Attempts);
    }

    [Fact]
    public void The_node_gets_one_sender_for_its_lifetime()
    {
        using var services = SmsSenders.Build(SmsSenders.Fast(new Uri("http://127.0.0.1:1/sms")));

        Assert.Same(services.GetRequiredService<ISmsSender>(), services.GetRequiredService<ISmsSender>());
        Assert.IsType<WebhookSmsSender>(services.GetRequiredService<ISmsSender>());
    }
}
