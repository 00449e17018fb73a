using System.Net;
using System.Net.Http.Json;
using System.Text;
using Switch.Protocol.Webhooks;
using Switch.Traffic.Sms;

namespace Switch.Tests.Traffic.Sms;

/// <summary>Starts sinks on 127.0.0.1 and a free port, and talks to them as a gateway and a reader of codes would.</summary>
internal static class SinkClient
{
    public static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<SmsSink> StartAsync(string? secret = null, int capacity = 100_000, Action<SmsReceipt>? onReceived = null)
    {
        var sink = new SmsSink(new SmsSinkOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), Secret = secret, Capacity = capacity, OnReceived = onReceived });
        await sink.StartAsync();
        return sink;
    }

    public static string Body(string challengeId, string text = "Your code is 482913", string to = "13812345678") =>
        $$"""{"to": "{{to}}", "text": "{{text}}", "challengeId": "{{challengeId}}"}""";

    public static async Task<HttpResponseMessage> PostAsync(SmsSink sink, string body, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, sink.WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.Header, signature);
        }

        return await Http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostSignedAsync(SmsSink sink, string body, string secret) =>
        PostAsync(sink, body, WebhookSignature.Sign(secret, Encoding.UTF8.GetBytes(body)));

    public static Task<HttpResponseMessage> GetAsync(SmsSink sink, string path) => Http.GetAsync(new Uri(sink.WebhookUrl, path));

    public static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["error"];
}
