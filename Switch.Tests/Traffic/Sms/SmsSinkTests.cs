using System.Collections.Concurrent;
using System.Net;
using Switch.Protocol.Webhooks;
using Switch.Traffic.Sms;

namespace Switch.Tests.Traffic.Sms;

public sealed class SmsSinkTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_webhook_is_accepted_and_its_code_served_by_challenge_id()
    {
        var receipts = new ConcurrentQueue<SmsReceipt>();
        await using var sink = await SinkClient.StartAsync(onReceived: receipts.Enqueue);

        using var posted = await SinkClient.PostAsync(sink, SinkClient.Body("CI1"));
        using var found = await SinkClient.GetAsync(sink, "/codes/CI1");
        using var missing = await SinkClient.GetAsync(sink, "/codes/CI2");
        using var stats = await SinkClient.GetAsync(sink, "/stats");

        Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("""{"challengeId":"CI1","code":"482913"}""", await found.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("""{"received":1,"rejected":0,"challenges":1}""", await stats.Content.ReadAsStringAsync());
        Assert.Equal(new SmsReceipt("CI1", "138****5678"), Assert.Single(receipts));
    }

    [Fact]
    public async Task A_waiter_gets_a_code_that_arrives_after_it_started_waiting()
    {
        await using var sink = await SinkClient.StartAsync();

        var waiting = sink.WaitForCodeAsync("CI1", Wait);
        Assert.False(waiting.IsCompleted);
        using var posted = await SinkClient.PostAsync(sink, SinkClient.Body("CI1", "code 735102"));

        Assert.Equal("735102", await waiting.WaitAsync(Wait));
    }

    [Fact]
    public async Task A_waiter_gets_a_code_that_arrived_before_it_asked_at_once()
    {
        await using var sink = await SinkClient.StartAsync();
        using var posted = await SinkClient.PostAsync(sink, SinkClient.Body("CI1"));

        var waiting = sink.WaitForCodeAsync("CI1", Wait);

        Assert.True(waiting.IsCompletedSuccessfully);
        Assert.Equal("482913", await waiting);
    }

    [Fact]
    public async Task A_code_that_never_comes_is_null_after_the_timeout_and_cancellation_is_honoured()
    {
        await using var sink = await SinkClient.StartAsync();
        using var cancel = new CancellationTokenSource();

        Assert.Null(await sink.WaitForCodeAsync("CI-NEVER", TimeSpan.FromMilliseconds(50)));
        var cancelled = sink.WaitForCodeAsync("CI-NEVER", Wait, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Wait));
    }

    [Fact]
    public async Task A_resent_code_replaces_the_earlier_one()
    {
        await using var sink = await SinkClient.StartAsync();

        using var first = await SinkClient.PostAsync(sink, SinkClient.Body("CI1", "code 111111"));
        using var second = await SinkClient.PostAsync(sink, SinkClient.Body("CI1", "code 222222"));

        Assert.Equal("222222", await sink.WaitForCodeAsync("CI1", Wait));
        Assert.Equal(new SmsSinkStats(2, 0, 1), sink.Stats);
    }

    [Fact]
    public async Task With_a_secret_only_a_correctly_signed_body_is_accepted()
    {
        const string secret = "shared";
        await using var sink = await SinkClient.StartAsync(secret);
        var body = SinkClient.Body("CI1");

        using var unsigned = await SinkClient.PostAsync(sink, body);
        using var wrongKey = await SinkClient.PostSignedAsync(sink, body, "other");
        using var otherBody = await SinkClient.PostAsync(sink, body, WebhookSignature.Sign(secret, "{}"u8));
        using var garbage = await SinkClient.PostAsync(sink, body, "sha256=xyz");
        using var signed = await SinkClient.PostSignedAsync(sink, body, secret);

        Assert.All([unsigned, wrongKey, otherBody, garbage], response => Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode));
        Assert.Equal("X-Signature is missing or does not sign this body", await SinkClient.ErrorAsync(unsigned));
        Assert.Equal(HttpStatusCode.NoContent, signed.StatusCode);
        Assert.Equal(new SmsSinkStats(1, 4, 1), sink.Stats);
    }

    [Theory]
    [InlineData("{\"to\": \"138", "the body is not JSON (line 1, byte 12)")]
    [InlineData("[1, 2]", "the body must be a JSON object {\"to\", \"text\", \"challengeId\"}")]
    [InlineData("{\"text\": \"code 123456\", \"challengeId\": \"CI1\"}", "\"to\" must be a non-empty string")]
    [InlineData("{\"to\": \"13812345678\", \"text\": 123456, \"challengeId\": \"CI1\"}", "\"text\" must be a non-empty string")]
    [InlineData("{\"to\": \"13812345678\", \"text\": \"code 123456\", \"challengeId\": \"\"}", "\"challengeId\" must be a non-empty string")]
    [InlineData("{\"to\": \"13812345678\", \"text\": \"no code here 123\", \"challengeId\": \"CI1\"}", "\"text\" holds no code (4 to 9 digits in a row)")]
    public async Task A_malformed_body_is_refused_400_with_the_reason(string body, string error)
    {
        await using var sink = await SinkClient.StartAsync();

        using var response = await SinkClient.PostAsync(sink, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, await SinkClient.ErrorAsync(response));
        Assert.Equal(new SmsSinkStats(0, 1, 0), sink.Stats);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_413()
    {
        await using var sink = await SinkClient.StartAsync();

        using var response = await SinkClient.PostAsync(sink, SinkClient.Body("CI1", "code 123456 " + new string('x', SmsSink.MaxBodyBytes)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(1, sink.Stats.Rejected);
    }

    [Fact]
    public async Task Only_the_newest_challenges_up_to_the_capacity_are_kept()
    {
        await using var sink = await SinkClient.StartAsync(capacity: 2);

        foreach (var id in new[] { "CI1", "CI2", "CI1", "CI3" })
        {
            using var posted = await SinkClient.PostAsync(sink, SinkClient.Body(id));
            Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
        }

        using var forgotten = await SinkClient.GetAsync(sink, "/codes/CI1");
        Assert.Equal(HttpStatusCode.NotFound, forgotten.StatusCode);
        Assert.Equal("482913", await sink.WaitForCodeAsync("CI2", TimeSpan.Zero));
        Assert.Equal("482913", await sink.WaitForCodeAsync("CI3", TimeSpan.Zero));
        Assert.Equal(new SmsSinkStats(4, 0, 2), sink.Stats);
    }

    [Fact]
    public async Task A_sink_on_every_interface_names_a_webhook_url_a_client_can_reach()
    {
        await using var sink = new SmsSink(new SmsSinkOptions { Listen = new IPEndPoint(IPAddress.Any, 0) });
        await sink.StartAsync();

        using var posted = await SinkClient.PostAsync(sink, SinkClient.Body("CI1"));

        Assert.Equal($"http://127.0.0.1:{sink.LocalEndPoint.Port}/sms", sink.WebhookUrl.ToString());
        Assert.NotEqual(0, sink.LocalEndPoint.Port);
        Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
    }
}
