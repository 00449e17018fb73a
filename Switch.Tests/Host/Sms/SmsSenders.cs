using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switch.Actors.Cards;
using Switch.Host.Configuration;
using Switch.Host.Sms;

namespace Switch.Tests.Host.Sms;

/// <summary>Senders built as the node builds them: through <see cref="SmsServiceCollectionExtensions.AddSmsSender"/>.</summary>
internal static class SmsSenders
{
    public const string Phone = "13812345678";
    public const string Code = "482913";
    public const string Text = "Your code is " + Code + ", valid 5 minutes.";

    public static SmsMessage Message(string challengeId = "CI0000000001") => new(Phone, Text, challengeId);

    /// <summary>Settings that retry quickly, so a test of three attempts takes milliseconds.</summary>
    public static SmsSettings Fast(Uri? url, string secret = "") => new(url, secret)
    {
        Timeout = TimeSpan.FromSeconds(5),
        Attempts = 4,
        Backoff = TimeSpan.FromMilliseconds(10),
        BackoffMax = TimeSpan.FromMilliseconds(50),
        TotalTimeout = TimeSpan.FromSeconds(10),
    };

    public static ServiceProvider Build(SmsSettings settings, ILoggerProvider? logs = null) =>
        new ServiceCollection()
            .AddLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Trace);
                if (logs is not null)
                {
                    logging.AddProvider(logs);
                }
            })
            .AddSmsSender(settings)
            .BuildServiceProvider();
}
