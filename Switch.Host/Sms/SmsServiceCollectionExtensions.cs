using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switch.Actors.Cards;
using Switch.Host.Configuration;

namespace Switch.Host.Sms;

public static class SmsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the node's <see cref="ISmsSender"/> as a singleton: <see cref="WebhookSmsSender"/> on a
    /// client from <see cref="IHttpClientFactory"/> when <c>switch.sms.webhook-url</c> is set, otherwise
    /// <see cref="NoSmsSender"/>.
    /// </summary>
    public static IServiceCollection AddSmsSender(this IServiceCollection services, SmsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.WebhookUrl is null)
        {
            return services.AddSingleton<ISmsSender, NoSmsSender>();
        }

        services.AddHttpClient(WebhookSmsSender.HttpClientName, client =>
            {
                // The pipeline bounds every attempt and the whole delivery; a second clock here would only race it.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // A redirect would carry the phone and code to wherever the answer points (as a GET on 302);
            // a 3xx is a failed delivery instead, visible in the log.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .RedactLoggedHeaders(_ => true);
        return services.AddSingleton<ISmsSender>(provider => new WebhookSmsSender(
            provider.GetRequiredService<IHttpClientFactory>(),
            settings,
            provider.GetRequiredService<ILogger<WebhookSmsSender>>()));
    }
}
