using Switch.Actors.Cards.Challenges;

namespace Switch.Host.Configuration;

/// <summary>Reads <c>switch.challenge</c> and <c>switch.cards</c>; a value out of its range is refused under its key.</summary>
internal static class ChallengeSettingsReader
{
    /// <summary>The SMS must carry the code, or the cardholder never sees it.</summary>
    private const string CodePlaceholder = "{code}";

    public static ChallengeConfig Read(ConfigReader challenge)
    {
        ChallengeSettings rules;
        try
        {
            rules = new ChallengeSettings
            {
                CodeDigits = challenge.Int("code-length", OneTimeCodes.MinDigits, OneTimeCodes.MaxDigits),
                CodeValidity = challenge.Duration("code-validity"),
                Lifetime = challenge.Duration("lifetime"),
                AttemptsPerStep = challenge.Int("attempts", 1, 10),
                ResendCooldown = challenge.Duration("resend-after"),
                MaxResends = challenge.Int("max-resends", 0, 10),
                MaxPerHour = challenge.Int("max-per-card-per-hour", 1, CardChallenges.MaxPerHourLimit),
                UnboundCard = challenge.Choice<UnboundCardPolicy>("unbound-card"),
            };
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw challenge.Invalid(KeyOf(ex.ParamName), ex.Message.Split(" (Parameter", 2)[0]);
        }

        var text = challenge.RequiredText("sms-text");
        return text.Contains(CodePlaceholder, StringComparison.Ordinal)
            ? new ChallengeConfig(rules, text)
            : throw challenge.Invalid("sms-text", $"must contain {CodePlaceholder}, where the one-time code goes");
    }

    public static CardSettings ReadCards(ConfigReader cards) => new(cards.Duration("passivate-after"), cards.Duration("ask-timeout"));

    private static string KeyOf(string? property) => property switch
    {
        nameof(ChallengeSettings.CodeValidity) => "code-validity",
        nameof(ChallengeSettings.Lifetime) => "lifetime",
        nameof(ChallengeSettings.ResendCooldown) => "resend-after",
        _ => property ?? "challenge",
    };
}
