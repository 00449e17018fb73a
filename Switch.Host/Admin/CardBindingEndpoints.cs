using System.Text.Json;
using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Switch.Host.Admin;

/// <summary><c>POST /api/card-bindings</c>: binds a phone to a card (DESIGN.md's admin API).</summary>
public static class CardBindingEndpoints
{
    public static WebApplication MapCardBindings(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(AdminRoutes.CardBindings, async (HttpRequest http, [FromServices] CardBindings bindings, CancellationToken cancellation) =>
        {
            CardBindingRequest? body;
            try
            {
                body = await http.ReadFromJsonAsync<CardBindingRequest>(cancellation).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                // The parser's message may quote the body, and the body holds a PAN.
                return Results.BadRequest(new { error = "body: a JSON object {\"pan\", \"phone\", \"consent\"} is expected" });
            }
            catch (InvalidOperationException)
            {
                return Results.BadRequest(new { error = "body: Content-Type application/json is expected" });
            }

            if (body is null)
            {
                return Results.BadRequest(new { error = "body: a JSON object {\"pan\", \"phone\", \"consent\"} is expected" });
            }

            try
            {
                var result = await bindings.BindPhoneAsync(body, cancellation).ConfigureAwait(false);
                return result.Binding is { } binding ? Results.Ok(binding) : Results.BadRequest(new { error = result.Error });
            }
            catch (AskTimeoutException)
            {
                return Results.Json(new { error = "the card did not confirm the binding in time; retry" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return app;
    }
}
