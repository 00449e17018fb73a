using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Switch.Host.Admin;

/// <summary>
/// Every admin request but the health probes must carry <c>Authorization: Bearer {switch.admin.token}</c>;
/// anything else is answered 401. The probes stay open so an orchestrator can use them without a
/// secret; they disclose only up or down.
/// </summary>
public sealed class BearerTokenMiddleware
{
    private const string Scheme = "Bearer ";

    private readonly RequestDelegate _next;
    private readonly byte[] _expectedHash;

    public BearerTokenMiddleware(RequestDelegate next, string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _next = next;
        _expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.StartsWithSegments(AdminRoutes.Health, StringComparison.Ordinal) || Authorized(context.Request))
        {
            return _next(context);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return context.Response.WriteAsJsonAsync(new { error = "a valid bearer token is required" });
    }

    /// <summary>Compares hashes in constant time, so neither the token's bytes nor its length leak through timing.</summary>
    private bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _expectedHash);
    }
}
