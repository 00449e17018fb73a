using Switch.Actors.Events;
using Switch.Protocol.Iso8583.Tlv;
using Switch.Protocol.Masking;

namespace Switch.Actors.Cards.Challenges;

/// <summary>
/// Field 62 of a 1A answer (DESIGN.md, "Phone / OTP challenge"): at the PHONE step CI, ST=PHONE,
/// AL; at the OTP step CI, ST=OTP, MP, AL, EX. The phone is taken in clear and masked here
/// (<see cref="Mask.Phone"/>), so no caller can put a clear phone on the wire by mistake.
/// </summary>
public static class ChallengeReply
{
    /// <summary>Room for the longest: five headers, a 32-character id, "PHONE", a 15-digit masked phone, two 10-digit numbers.</summary>
    public const int MaxLength = (5 * TlvReader.HeaderLength) + 32 + 5 + 15 + 10 + 10;

    /// <param name="boundPhone">The card's phone in clear, needed at the OTP step only.</param>
    /// <exception cref="ArgumentException">The decision asks the cardholder nothing, or it is the OTP step and no phone is given.</exception>
    public static byte[] Build(ChallengeDecision decision, string? boundPhone)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        return buffer[..Write(decision, boundPhone, buffer)].ToArray();
    }

    /// <summary>Writes field 62's value into <paramref name="destination"/> (for <c>IsoMessageWriter.BeginField</c>).</summary>
    /// <returns>The bytes written.</returns>
    public static int Write(ChallengeDecision decision, string? boundPhone, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var tlv = new TlvWriter(destination, ChallengeTags.Field);
        switch (decision.Step)
        {
            case ChallengeStep.Phone:
                tlv.Write(ChallengeTags.ChallengeId, decision.ChallengeId);
                tlv.Write(ChallengeTags.Step, ChallengeTags.StepPhone);
                tlv.Write(ChallengeTags.AttemptsLeft, decision.AttemptsLeft);
                break;
            case ChallengeStep.Otp:
                ArgumentException.ThrowIfNullOrEmpty(boundPhone);
                tlv.Write(ChallengeTags.ChallengeId, decision.ChallengeId);
                tlv.Write(ChallengeTags.Step, ChallengeTags.StepOtp);
                tlv.Write(ChallengeTags.MaskedPhone, Mask.Phone(boundPhone));
                tlv.Write(ChallengeTags.AttemptsLeft, decision.AttemptsLeft);
                tlv.Write(ChallengeTags.ExpiresIn, decision.ExpiresInSeconds);
                break;
            default:
                throw new ArgumentException($"{decision.Outcome} asks the cardholder nothing: it is answered without field 62", nameof(decision));
        }

        return tlv.Written;
    }
}
