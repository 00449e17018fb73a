using Switch.Host.Configuration;
using Switch.Tests.Support;

namespace Switch.Tests.Host;

public sealed class SecretsPolicyTests : IDisposable
{
    private static readonly Dictionary<string, string> OwnSecrets = new()
    {
        ["SWITCH_PAN_TOKEN_KEY"] = "yo1qRTKEPw9/PIScfmIjK8HaKgfU6ZKmsjTHZCETBt0=",
        ["SWITCH_PHONE_KEY"] = "GdvYdLKh1ztzH7EYqoxs3mVje5yK1Ym+1lsrb+zxTdE=",
        ["SWITCH_OTP_KEY"] = "205nspZVMTvMKq1yZOzRXExAmVlqBLZ9NnAE9VldhUk=",
        ["SWITCH_TERMINAL_KEY_ENCRYPTION_KEY"] = "q0b3WJ0mD5f0lq8Jk3Hc9YyD4TzH0n4u2vJ8mGk1sQ8=",
        ["SWITCH_ADMIN_TOKEN"] = "an-admin-token-of-thirty-two-bytes",
        ["SWITCH_SMS_SECRET"] = "an-sms-signing-secret-of-32-bytes",
    };

    private readonly Overlays _overlays = new();

    public void Dispose() => _overlays.Dispose();

    [Fact]
    public void The_shipped_configuration_has_every_secret_refused_naming_its_key_and_variable_but_never_its_value()
    {
        var config = SwitchConfiguration.Load([], Overlays.NoEnvironment);

        var weaknesses = SecretsPolicy.Weaknesses(config, SwitchSettingsReader.Read(config));

        Assert.Equal(["switch.security.pan-token-key", "switch.security.phone-key", "switch.security.otp-key", "switch.security.terminal-key-encryption-key", "switch.admin.token"], weaknesses.Select(w => w.Key));
        Assert.All(weaknesses, w => Assert.Contains("still the demo's value", w.Message, StringComparison.Ordinal));
        Assert.Contains("SWITCH_PAN_TOKEN_KEY", weaknesses[0].Message, StringComparison.Ordinal);
        Assert.Contains("SWITCH_ADMIN_TOKEN", weaknesses[4].Message, StringComparison.Ordinal);
        foreach (var key in weaknesses.Select(w => w.Key))
        {
            Assert.All(weaknesses, w => Assert.DoesNotContain(config.GetString(key), w.Message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Secrets_of_ones_own_from_the_environment_pass()
    {
        var config = SwitchConfiguration.Load([_overlays.Write("switch.sms.webhook-url = \"https://sms.example/send\"")], OwnSecrets.GetValueOrDefault);

        Assert.Empty(SecretsPolicy.Weaknesses(config, SwitchSettingsReader.Read(config)));
    }

    [Theory]
    [InlineData("SWITCH_SMS_SECRET", "", "switch.sms.secret", "is empty")]
    [InlineData("SWITCH_SMS_SECRET", "short-sms-secret", "switch.sms.secret", "holds 16 bytes; at least 32")]
    [InlineData("SWITCH_ADMIN_TOKEN", "short-token", "switch.admin.token", "holds 11 bytes; at least 32")]
    [InlineData("SWITCH_OTP_KEY", "c3dpdGNoLWRlbW8tb25lLXRpbWUtY29kZS1rZXkvY2hhbmdlIQ==", "switch.security.otp-key", "still the demo's value")]
    [InlineData("SWITCH_TERMINAL_KEY_ENCRYPTION_KEY", "c3dpdGNoLWRlbW8tdGVybWluYWwta2V5LWVuY3J5cHRpb24ta2V5IQ==", "switch.security.terminal-key-encryption-key", "still the demo's value")]
    public void One_weak_secret_is_refused_alone(string variable, string value, string key, string problem)
    {
        var environment = new Dictionary<string, string>(OwnSecrets) { [variable] = value };
        var config = SwitchConfiguration.Load([_overlays.Write("switch.sms.webhook-url = \"https://sms.example/send\"")], environment.GetValueOrDefault);

        var weakness = Assert.Single(SecretsPolicy.Weaknesses(config, SwitchSettingsReader.Read(config)));

        Assert.Equal(key, weakness.Key);
        Assert.Contains(problem, weakness.Message, StringComparison.Ordinal);
        Assert.Contains(variable, weakness.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_sms_gateway_no_sms_secret_is_needed()
    {
        var environment = new Dictionary<string, string>(OwnSecrets) { ["SWITCH_SMS_SECRET"] = string.Empty };
        var config = SwitchConfiguration.Load([], environment.GetValueOrDefault);

        Assert.Empty(SecretsPolicy.Weaknesses(config, SwitchSettingsReader.Read(config)));
    }

    [Fact]
    public void Demo_mode_is_off_unless_switched_on()
    {
        Assert.False(SecretsPolicy.IsDemo(SwitchConfiguration.Load([], Overlays.NoEnvironment)));
        Assert.True(SecretsPolicy.IsDemo(SwitchConfiguration.Load([], v => v == "SWITCH_DEMO" ? "on" : null)));
        var bad = Assert.Throws<ConfigurationKeyException>(() => SecretsPolicy.IsDemo(_overlays.Load("switch.demo = maybe")));
        Assert.Equal("switch.demo", bad.Key);
    }
}
