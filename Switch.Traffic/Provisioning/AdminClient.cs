using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Switch.Protocol.Masking;

namespace Switch.Traffic.Provisioning;

/// <summary>
/// The switch's admin API as the generator uses it: merchants and terminals replaced whole (PUT) and
/// phones bound to cards, every call with the bearer token and a timeout. A refusal throws
/// <see cref="ProvisioningException"/> carrying the API's own error.
/// </summary>
public sealed class AdminClient : IDisposable
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    // An error body is one short sentence; more than this is not the API's answer.
    private const int MaxErrorBytes = 4096;

    private readonly HttpClient _http;

    public AdminClient(Uri baseAddress, string token)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentException.ThrowIfNullOrEmpty(token);
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = RequestTimeout };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Uri BaseAddress => _http.BaseAddress!;

    public Task PutMerchantAsync(string mid, MerchantBody merchant, CancellationToken cancellation) =>
        SendAsync(HttpMethod.Put, $"/api/merchants/{Uri.EscapeDataString(mid)}", merchant, AdminJson.Default.MerchantBody, $"PUT /api/merchants/{mid}", cancellation);

    /// <param name="masterKey">The terminal's MAC master key, 32 hex digits; null leaves its key as it is.</param>
    public Task PutTerminalAsync(string tid, string mid, CancellationToken cancellation, string? masterKey = null) =>
        SendAsync(HttpMethod.Put, $"/api/terminals/{Uri.EscapeDataString(tid)}", new TerminalBody(mid, masterKey), AdminJson.Default.TerminalBody, $"PUT /api/terminals/{tid}", cancellation);

    /// <summary>Binds <paramref name="phone"/> to <paramref name="pan"/>, with consent to offers.</summary>
    public Task BindCardAsync(string pan, string phone, CancellationToken cancellation) =>
        SendAsync(HttpMethod.Post, "/api/card-bindings", new CardBindingBody(pan, phone, Consent: true), AdminJson.Default.CardBindingBody, $"POST /api/card-bindings for card {Mask.Pan(pan)}", cancellation);

    public void Dispose() => _http.Dispose();

    private async Task SendAsync<T>(HttpMethod method, string path, T body, JsonTypeInfo<T> type, string what, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body, type) };
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellation).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ProvisioningException($"{what}: cannot reach the admin API at {BaseAddress}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellation.IsCancellationRequested)
        {
            throw new ProvisioningException($"{what}: no answer from the admin API at {BaseAddress} within {RequestTimeout.TotalSeconds:0} s", ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var error = await ErrorAsync(response, cancellation).ConfigureAwait(false);
            throw new ProvisioningException($"{what}: HTTP {(int)response.StatusCode}: {error}");
        }
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return "the admin token was refused (--admin-token must be the switch's switch.admin.token)";
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false);
        if (bytes.Length is > 0 and <= MaxErrorBytes)
        {
            try
            {
                if (JsonSerializer.Deserialize(bytes, AdminJson.Default.AdminError)?.Error is { Length: > 0 } error)
                {
                    return error;
                }
            }
            catch (JsonException)
            {
                // Not the API's error shape (a proxy's page, say): the status says what there is to say.
            }
        }

        return response.ReasonPhrase ?? "refused";
    }
}
