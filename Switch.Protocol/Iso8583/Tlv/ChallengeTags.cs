namespace Switch.Protocol.Iso8583.Tlv;

/// <summary>The field 62 challenge tags of the terminal contract (DESIGN.md, "Phone / OTP challenge").</summary>
public static class ChallengeTags
{
    public const int Field = 62;

    /// <summary>CI: challenge id.</summary>
    public static ReadOnlySpan<byte> ChallengeId => "CI"u8;
    /// <summary>ST: step, PHONE or OTP.</summary>
    public static ReadOnlySpan<byte> Step => "ST"u8;
    /// <summary>PN: the phone number the cardholder typed.</summary>
    public static ReadOnlySpan<byte> PhoneNumber => "PN"u8;
    /// <summary>OT: the one-time code the cardholder typed. Never logged.</summary>
    public static ReadOnlySpan<byte> OneTimeCode => "OT"u8;
    /// <summary>RS: 1 = resend the code.</summary>
    public static ReadOnlySpan<byte> Resend => "RS"u8;
    /// <summary>MP: the masked bound phone.</summary>
    public static ReadOnlySpan<byte> MaskedPhone => "MP"u8;
    /// <summary>AL: attempts left.</summary>
    public static ReadOnlySpan<byte> AttemptsLeft => "AL"u8;
    /// <summary>EX: seconds until the challenge expires.</summary>
    public static ReadOnlySpan<byte> ExpiresIn => "EX"u8;

    public static ReadOnlySpan<byte> StepPhone => "PHONE"u8;
    public static ReadOnlySpan<byte> StepOtp => "OTP"u8;
}
