using Switch.Host.Configuration;

using Switch.Tests.Support;

namespace Switch.Tests.Host.Sms;

public sealed class SmsSettingsTests : IDisposable
{
    private readonly Overlays _overlays = new();

    public void Dispose() => _overlays.Dispose();

    [Fact]
    public void The_defaults_send_nothing_and_bound_every_delivery()
    {
        var sms = Read();

        Assert.Null(sms.WebhookUrl);
        Assert.Equal(string.Empty, sms.Secret);
        Assert.Equal(TimeSpan.FromSeconds(5), sms.Timeout);
        Assert.Equal(4, sms.Attempts);
        Assert.Equal(TimeSpan.FromMilliseconds(200), sms.Backoff);
        Assert.Equal(TimeSpan.FromSeconds(2), sms.BackoffMax);
        Assert.Equal(TimeSpan.FromSeconds(15), sms.TotalTimeout);
    }

    [Fact]
    public void The_environment_sets_the_url_and_the_secret_which_the_string_form_hides()
    {
        var environment = new Dictionary<string, string>
        {
            ["SWITCH_SMS_WEBHOOK_URL"] = "https://user:pass@sms.example/hook?key=k",
            ["SWITCH_SMS_SECRET"] = "s3cr3t-value",
        };

        var sms = SwitchSettingsReader.Read(SwitchConfiguration.Load([], environment.GetValueOrDefault)).Sms;

        Assert.Equal(new Uri("https://user:pass@sms.example/hook?key=k"), sms.WebhookUrl);
        Assert.Equal("s3cr3t-value", sms.Secret);
        Assert.DoesNotContain("s3cr3t", sms.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("pass", sms.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("key=k", sms.ToString(), StringComparison.Ordinal);
        Assert.Contains("https://sms.example/hook", sms.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("webhook-url = \"ftp://sms.example\"", "switch.sms.webhook-url")]
    [InlineData("attempts = 0", "switch.sms.attempts")]
    [InlineData("attempts = 11", "switch.sms.attempts")]
    [InlineData("timeout = 0s", "switch.sms.timeout")]
    [InlineData("timeout = soon", "switch.sms.timeout")]
    [InlineData("backoff = 1s, backoff-max = 500ms", "switch.sms.backoff-max")]
    [InlineData("timeout = 10s, total-timeout = 5s", "switch.sms.total-timeout")]
    public void A_bad_value_stops_start_up_naming_the_key(string overlay, string key)
    {
        var error = Assert.Throws<ConfigurationKeyException>(() => Read($"switch.sms {{ {overlay} }}"));

        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void An_overlay_tunes_the_retries()
    {
        var sms = Read("switch.sms { webhook-url = \"http://127.0.0.1:9090/sms\", attempts = 1, timeout = 2s, total-timeout = 2s }");

        Assert.Equal(new Uri("http://127.0.0.1:9090/sms"), sms.WebhookUrl);
        Assert.Equal(1, sms.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(2), sms.TotalTimeout);
    }

    private SmsSettings Read(string? overlay = null) =>
        SwitchSettingsReader.Read(overlay is null ? _overlays.Load() : _overlays.Load(overlay)).Sms;
}
