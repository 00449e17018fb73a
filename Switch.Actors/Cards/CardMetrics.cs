using System.Diagnostics.Metrics;
using Switch.Actors.Cards.Challenges;

namespace Switch.Actors.Cards;

/// <summary>What card entities decided: risk actions, challenge outcomes, texts sent and offers made.</summary>
public static class CardMetrics
{
    public const string RiskDecisionsName = "switch.risk_decisions";
    public const string ChallengeStepsName = "switch.challenge_steps";
    public const string SmsName = "switch.sms";
    public const string OffersName = "switch.offers";

    private static readonly Counter<long> RiskDecisions = SwitchMeter.Instance.CreateCounter<long>(
        RiskDecisionsName, "{decision}", "Risk decisions by action (allow, challenge, decline).");

    private static readonly Counter<long> ChallengeSteps = SwitchMeter.Instance.CreateCounter<long>(
        ChallengeStepsName, "{step}", "Challenge decisions by outcome (opened, code_to_send, wrong_phone, passed, exhausted, ...).");

    private static readonly Counter<long> Sms = SwitchMeter.Instance.CreateCounter<long>(
        SmsName, "{message}", "One-time codes texted, by delivery status.");

    private static readonly Counter<long> Offers = SwitchMeter.Instance.CreateCounter<long>(
        OffersName, "{offer}", "Personalised offers proposed for a receipt, by offer id.");

    internal static void RiskDecided(string action) => RiskDecisions.Add(1, new KeyValuePair<string, object?>("action", action));

    internal static void ChallengeStep(ChallengeOutcome outcome) => ChallengeSteps.Add(1, new KeyValuePair<string, object?>("outcome", Name(outcome)));

    internal static void SmsSent(SmsDeliveryStatus status) => Sms.Add(1, new KeyValuePair<string, object?>("status", status switch
    {
        SmsDeliveryStatus.Delivered => "delivered",
        SmsDeliveryStatus.Failed => "failed",
        _ => "not_configured",
    }));

    internal static void OfferProposed(string offerId) => Offers.Add(1, new KeyValuePair<string, object?>("offer", offerId));

    // Constant names: Enum.ToString would allocate per step.
    private static string Name(ChallengeOutcome outcome) => outcome switch
    {
        ChallengeOutcome.Opened => "opened",
        ChallengeOutcome.CapReached => "cap_reached",
        ChallengeOutcome.NoPhone => "no_phone",
        ChallengeOutcome.CodeToSend => "code_to_send",
        ChallengeOutcome.WrongPhone => "wrong_phone",
        ChallengeOutcome.WrongCode => "wrong_code",
        ChallengeOutcome.Passed => "passed",
        ChallengeOutcome.Exhausted => "exhausted",
        ChallengeOutcome.Expired => "expired",
        ChallengeOutcome.Unknown => "unknown",
        ChallengeOutcome.WrongStep => "wrong_step",
        ChallengeOutcome.TooSoon => "too_soon",
        ChallengeOutcome.ResendsExhausted => "resends_exhausted",
        _ => "other",
    };
}
