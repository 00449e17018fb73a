using System.Security.Cryptography;
using System.Text;
using Akka.Configuration;

namespace Switch.Host.Configuration;

/// <summary>
/// What <c>run</c> demands of the node's secrets before it serves anyone: none may still hold the
/// value hocon/switch.conf ships for the demo (anyone can read it), and the admin token and the SMS
/// signing secret must be long enough not to be guessed. <c>switch.demo = on</c> waives this for a
/// node run as a demo; the <c>demo</c> and <c>bench</c> commands start their node without asking.
/// </summary>
public static class SecretsPolicy
{
    /// <summary>Bytes a typed secret needs at least: HMAC-SHA256's key strength.</summary>
    public const int MinimumLength = 32;

    private static readonly (string Key, string Variable, bool Typed)[] Secrets =
    [
        ("switch.security.pan-token-key", "SWITCH_PAN_TOKEN_KEY", false),
        ("switch.security.phone-key", "SWITCH_PHONE_KEY", false),
        ("switch.security.otp-key", "SWITCH_OTP_KEY", false),
        ("switch.security.terminal-key-encryption-key", "SWITCH_TERMINAL_KEY_ENCRYPTION_KEY", false),
        ("switch.admin.token", "SWITCH_ADMIN_TOKEN", true),
        ("switch.sms.secret", "SWITCH_SMS_SECRET", true),
    ];

    /// <summary>Whether <c>switch.demo</c> is on: the node may run on the shipped secrets.</summary>
    public static bool IsDemo(Config config) => new ConfigReader(config, string.Empty).Child("switch").Flag("demo");

    /// <summary>Every secret that is still the shipped one or too short, each naming its key and variable; never its value.</summary>
    public static IReadOnlyList<ConfigurationKeyException> Weaknesses(Config config, SwitchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(settings);
        var shipped = SwitchConfiguration.Load([], _ => null);
        var weaknesses = new List<ConfigurationKeyException>();
        foreach (var (key, variable, typed) in Secrets)
        {
            // Unsigned SMS requests are allowed while no gateway is configured.
            if (key == "switch.sms.secret" && settings.Sms.WebhookUrl is null)
            {
                continue;
            }

            var value = Encoding.UTF8.GetBytes(config.GetString(key) ?? string.Empty);
            var problem = CryptographicOperations.FixedTimeEquals(value, Encoding.UTF8.GetBytes(shipped.GetString(key) ?? string.Empty))
                ? (value.Length == 0 ? "is empty" : "is still the demo's value shipped in hocon/switch.conf")
                : typed && value.Length < MinimumLength ? $"holds {value.Length} bytes; at least {MinimumLength} are needed"
                : null;
            if (problem is not null)
            {
                weaknesses.Add(new ConfigurationKeyException(key, $"{problem}: set {variable} (or the key in an overlay) to a secret of your own"));
            }
        }

        return weaknesses;
    }
}
