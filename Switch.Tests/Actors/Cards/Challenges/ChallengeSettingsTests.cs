using Switch.Actors.Cards.Challenges;

namespace Switch.Tests.Actors.Cards.Challenges;

public sealed class ChallengeSettingsTests
{
    [Fact]
    public void Defaults_are_those_of_the_design()
    {
        var settings = ChallengeSettings.Default;

        Assert.Equal(6, settings.CodeDigits);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.CodeValidity);
        Assert.Equal(3, settings.AttemptsPerStep);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.ResendCooldown);
        Assert.Equal(3, settings.MaxResends);
        Assert.Equal(5, settings.MaxPerHour);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.Lifetime);
        Assert.Equal(UnboundCardPolicy.Decline, settings.UnboundCard);
    }

    [Fact]
    public void A_value_out_of_range_names_its_setting()
    {
        Assert.Equal("CodeDigits", Refused(() => _ = ChallengeSettings.Default with { CodeDigits = 3 }));
        Assert.Equal("CodeValidity", Refused(() => _ = ChallengeSettings.Default with { CodeValidity = TimeSpan.FromSeconds(29) }));
        Assert.Equal("AttemptsPerStep", Refused(() => _ = ChallengeSettings.Default with { AttemptsPerStep = 0 }));
        Assert.Equal("ResendCooldown", Refused(() => _ = ChallengeSettings.Default with { ResendCooldown = TimeSpan.FromSeconds(-1) }));
        Assert.Equal("MaxResends", Refused(() => _ = ChallengeSettings.Default with { MaxResends = 11 }));
        Assert.Equal("MaxPerHour", Refused(() => _ = ChallengeSettings.Default with { MaxPerHour = CardChallenges.MaxPerHourLimit + 1 }));
        Assert.Equal("Lifetime", Refused(() => _ = ChallengeSettings.Default with { Lifetime = TimeSpan.FromHours(2) }));
        Assert.Equal("UnboundCard", Refused(() => _ = ChallengeSettings.Default with { UnboundCard = (UnboundCardPolicy)7 }));

        static string? Refused(Action change) => Assert.Throws<ArgumentOutOfRangeException>(change).ParamName;
    }

    [Fact]
    public void The_codes_must_have_the_digits_the_settings_ask_for()
    {
        var codes = new OneTimeCodes(ChallengeJournal.CodeKey, digits: 8);

        Assert.Throws<ArgumentException>(() => new CardChallenges(ChallengeSettings.Default, codes));
        _ = new CardChallenges(ChallengeSettings.Default with { CodeDigits = 8 }, codes);
    }
}
