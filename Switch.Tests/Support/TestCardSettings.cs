using Switch.Actors.Cards;
using Switch.Actors.Cards.Challenges;
using Switch.Actors.Risk;
using Switch.Host.Configuration;

namespace Switch.Tests.Support;

/// <summary>Card entity settings as a node builds them from the shipped switch.conf (plus an overlay), with a recording SMS gateway.</summary>
internal static class TestCardSettings
{
    public static readonly byte[] PhoneKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    public static readonly byte[] OtpKey = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];

    public static CardEntitySettings Create(ISmsSender sms, string overlay = "")
    {
        using var overlays = new Overlays();
        var settings = SwitchSettingsReader.Read(overlays.Load(overlay));
        return new CardEntitySettings(
            new RiskEngine(settings.Risk),
            settings.Offers,
            settings.Challenge.Rules,
            new PhoneCipher(PhoneKey),
            new OneTimeCodes(OtpKey, settings.Challenge.Rules.CodeDigits),
            sms,
            settings.Challenge.SmsText,
            settings.Cards.PassivateAfter);
    }
}
