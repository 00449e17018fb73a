using System.Text;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Tlv;

namespace Switch.Actors.Cards;

/// <summary>
/// What the cardholder typed for a challenge step, read from field 62: a phone number (PN), a code
/// (OT) or a resend request (RS=1). Its string form never shows the value.
/// </summary>
public sealed record ChallengeInput(ChallengeInputKind Kind, string Value)
{
    /// <summary>Longer than any phone number or code: longer values are wrong, not stored.</summary>
    private const int MaxValueLength = 32;

    public static ChallengeInput None { get; } = new(ChallengeInputKind.None, string.Empty);

    /// <summary>Reads the step from field 62 of a request (already checked to be well-formed TLV).</summary>
    public static ChallengeInput From(in IsoMessage request)
    {
        if (!request.Has(ChallengeTags.Field))
        {
            return None;
        }

        var tlv = new TlvReader(request.Raw(ChallengeTags.Field), ChallengeTags.Field);
        if (tlv.TryFind(ChallengeTags.OneTimeCode, out var code))
        {
            return new ChallengeInput(ChallengeInputKind.Code, Text(code));
        }

        if (tlv.TryFind(ChallengeTags.PhoneNumber, out var phone))
        {
            return new ChallengeInput(ChallengeInputKind.Phone, Text(phone));
        }

        return tlv.TryFind(ChallengeTags.Resend, out var resend) && resend.SequenceEqual("1"u8)
            ? new ChallengeInput(ChallengeInputKind.Resend, string.Empty)
            : None;
    }

    public override string ToString() => $"ChallengeInput {{ Kind = {Kind} }}";

    // Too long or not ASCII: kept as a value no phone or code can equal, so the step counts as a wrong attempt.
    private static string Text(ReadOnlySpan<byte> value) =>
        value.Length <= MaxValueLength && Ascii.IsValid(value) ? Encoding.ASCII.GetString(value) : "?";
}

public enum ChallengeInputKind
{
    /// <summary>Field 62 names the challenge but carries no step.</summary>
    None,
    Phone,
    Code,
    Resend,
}
