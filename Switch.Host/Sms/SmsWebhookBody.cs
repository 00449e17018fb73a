using System.Buffers;
using System.Text.Json;
using Switch.Actors.Cards;

namespace Switch.Host.Sms;

/// <summary>
/// The webhook's JSON body, <c>{"to":"…","text":"…","challengeId":"…"}</c> in that order (DESIGN.md,
/// SMS delivery). Written by hand with <see cref="Utf8JsonWriter"/>: the shape is fixed by contract,
/// so it is spelt out here rather than left to a serializer's naming and ordering rules.
/// </summary>
internal static class SmsWebhookBody
{
    /// <summary>The body's UTF-8 bytes; they are both sent and signed, so they are produced once.</summary>
    public static byte[] Write(SmsMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(128 + message.Text.Length);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("to"u8, message.To);
            json.WriteString("text"u8, message.Text);
            json.WriteString("challengeId"u8, message.ChallengeId);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
