using System.Text;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Tlv;

namespace Switch.Traffic.Scenarios;

/// <summary>What a 1A answer asks the cardholder, from its field 62: the challenge, the step and what the terminal would show.</summary>
/// <param name="MaskedPhone">MP, already masked by the switch; null at the PHONE step.</param>
internal sealed record ChallengePrompt(string ChallengeId, bool IsOtp, string? AttemptsLeft, string? MaskedPhone, string? ExpiresIn)
{
    /// <summary>Longer than any challenge id the switch issues; a longer CI is not one.</summary>
    private const int MaxChallengeIdLength = 32;

    /// <summary>Reads field 62 of a 1A; null when it is missing, malformed, or names no CI and no known step.</summary>
    public static ChallengePrompt? From(in IsoMessage answer)
    {
        if (!answer.Has(ChallengeTags.Field))
        {
            return null;
        }

        var tlv = answer.Tlv(ChallengeTags.Field);
        if (tlv.Validate() is not null
            || !tlv.TryFind(ChallengeTags.ChallengeId, out var id) || id.Length is 0 or > MaxChallengeIdLength || !Ascii.IsValid(id)
            || !tlv.TryFind(ChallengeTags.Step, out var step))
        {
            return null;
        }

        var isOtp = step.SequenceEqual(ChallengeTags.StepOtp);
        if (!isOtp && !step.SequenceEqual(ChallengeTags.StepPhone))
        {
            return null;
        }

        return new ChallengePrompt(Encoding.ASCII.GetString(id), isOtp, Text(tlv, ChallengeTags.AttemptsLeft), Text(tlv, ChallengeTags.MaskedPhone), Text(tlv, ChallengeTags.ExpiresIn));
    }

    /// <summary>As a terminal's screen would put it, for a flow's example trace.</summary>
    public override string ToString() => IsOtp
        ? $"ST=OTP MP={MaskedPhone} AL={AttemptsLeft} EX={ExpiresIn}"
        : $"ST=PHONE AL={AttemptsLeft}";

    private static string? Text(TlvReader tlv, ReadOnlySpan<byte> tag) =>
        tlv.TryFind(tag, out var value) && Ascii.IsValid(value) ? Encoding.ASCII.GetString(value) : null;
}
