using System.Text.Json;

namespace Switch.Traffic.Sms;

/// <summary>
/// The webhook body as DESIGN.md fixes it, <c>{"to": "...", "text": "...", "challengeId": "..."}</c>,
/// read on its own here (not with the switch's writer) so the sink checks the wire contract as any
/// gateway would. Other members are ignored, as a receiver of a growing contract should.
/// </summary>
internal sealed record SmsWebhookRequest(string To, string Text, string ChallengeId)
{
    public override string ToString() => $"SmsWebhookRequest {{ ChallengeId = {ChallengeId} }}";

    /// <summary>The request, or why it is not one; error texts quote no value from the body.</summary>
    public static bool TryParse(byte[] body, out SmsWebhookRequest? request, out string error)
    {
        request = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            error = $"the body is not JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "the body must be a JSON object {\"to\", \"text\", \"challengeId\"}";
                return false;
            }

            if (!TryText(root, "to", out var to, out error)
                || !TryText(root, "text", out var text, out error)
                || !TryText(root, "challengeId", out var challengeId, out error))
            {
                return false;
            }

            request = new SmsWebhookRequest(to, text, challengeId);
            return true;
        }
    }

    private static bool TryText(JsonElement root, string name, out string value, out string error)
    {
        value = root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString()! : string.Empty;
        error = value.Length == 0 ? $"\"{name}\" must be a non-empty string" : string.Empty;
        return value.Length > 0;
    }
}
