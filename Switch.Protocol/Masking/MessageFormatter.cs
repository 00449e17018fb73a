using System.Globalization;
using System.Text;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Protocol.Iso8583.Tlv;

namespace Switch.Protocol.Masking;

/// <summary>
/// The debug form of a message, with every field masked as its spec's <see cref="Sensitivity"/> says.
/// It is the only text form a message has (<see cref="IsoMessage.ToString"/>), so no code path can
/// log a raw PAN, track, PIN block or one-time code by accident.
/// </summary>
public static class MessageFormatter
{
    public const string Hidden = "[hidden]";

    public static string Format(in IsoMessage message)
    {
        if (message.Profile is null)
        {
            return "(no message)";
        }

        var text = new StringBuilder(256);
        text.Append(CultureInfo.InvariantCulture, $"{message.Mti:D4}");
        foreach (var field in message.Fields)
        {
            text.Append(CultureInfo.InvariantCulture, $" [{field}]=");
            AppendField(text, in message, field);
        }

        return text.ToString();
    }

    private static void AppendField(StringBuilder text, in IsoMessage message, int field)
    {
        switch (message.Profile[field]!.Sensitivity)
        {
            case Sensitivity.Pan:
                text.Append(Mask.Pan(message.GetString(field)));
                break;
            case Sensitivity.Secret:
                text.Append(Hidden);
                break;
            case Sensitivity.ChallengeTlv:
                AppendChallenge(text, message.Tlv(field));
                break;
            default:
                text.Append(message.GetString(field));
                break;
        }
    }

    private static void AppendChallenge(StringBuilder text, TlvReader tlv)
    {
        text.Append('{');
        var first = true;
        while (tlv.TryRead(out var tag, out var value))
        {
            text.Append(first ? string.Empty : " ");
            first = false;
            text.Append(System.Text.Encoding.ASCII.GetString(tag)).Append('=');
            var shown = System.Text.Encoding.Latin1.GetString(value);
            if (tag.SequenceEqual(ChallengeTags.OneTimeCode))
            {
                text.Append(Hidden);
            }
            else if (tag.SequenceEqual(ChallengeTags.PhoneNumber))
            {
                text.Append(Mask.Phone(shown));
            }
            else
            {
                text.Append(shown);
            }
        }

        if (tlv.Error is not null)
        {
            text.Append(first ? string.Empty : " ").Append("[malformed TLV]");
        }

        text.Append('}');
    }
}
