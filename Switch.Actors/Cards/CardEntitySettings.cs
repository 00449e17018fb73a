using Switch.Actors.Cards.Challenges;
using Switch.Actors.Offers;
using Switch.Actors.Risk;

namespace Switch.Actors.Cards;

/// <summary>What every card entity of a node shares.</summary>
/// <param name="Risk">Scores authorizations.</param>
/// <param name="Offers">Personalised offers for cards whose binding has consent.</param>
/// <param name="Challenge">Code length, validity, attempts, resend and hourly limits.</param>
/// <param name="Phones">Seals and opens bound phones (AES-GCM).</param>
/// <param name="Codes">Makes one-time codes and keeps them as keyed hashes.</param>
/// <param name="Sms">Texts the codes.</param>
/// <param name="SmsText">The SMS; <c>{code}</c> and <c>{minutes}</c> are filled in.</param>
/// <param name="PassivateAfter">Idle time after which the entity stops; its journal holds everything.</param>
/// <param name="SnapshotEvery">Events between snapshots of the entity's state.</param>
public sealed record CardEntitySettings(
    RiskEngine Risk,
    OfferCatalog Offers,
    ChallengeSettings Challenge,
    PhoneCipher Phones,
    OneTimeCodes Codes,
    ISmsSender Sms,
    string SmsText,
    TimeSpan PassivateAfter,
    int SnapshotEvery = 200);
