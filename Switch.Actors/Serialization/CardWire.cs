using System.Runtime.Serialization;
using Switch.Actors.Cards;
using static Switch.Actors.Serialization.WireValues;
using Wire = Switch.Actors.Serialization.Wire;

namespace Switch.Actors.Serialization;

/// <summary>The messages to a card entity and its answers, to and from their wire form.</summary>
internal static class CardWire
{
    public static Wire.BindPhone ToWire(BindPhone bind) => new()
    {
        CardToken = bind.CardToken,
        SealedPhone = Bytes(bind.SealedPhone),
        Consent = bind.Consent,
    };

    public static BindPhone FromWire(Wire.BindPhone bind) => new(bind.CardToken, bind.SealedPhone.ToByteArray(), bind.Consent);

    public static Wire.PhoneBound ToWire(PhoneBound bound) => new() { CardToken = bound.CardToken, Consent = bound.Consent };

    public static PhoneBound FromWire(Wire.PhoneBound bound) => new(bound.CardToken, bound.Consent);

    public static Wire.AssessAuthorization ToWire(AssessAuthorization assess)
    {
        var wire = new Wire.AssessAuthorization
        {
            CardToken = assess.CardToken,
            Rrn = assess.Rrn,
            Tid = assess.Tid,
            AmountMinor = assess.AmountMinor,
            Merchant = WireValues.ToWire(assess.Merchant),
            Terminal = WireValues.ToWire(assess.Terminal),
            At = WireValues.ToWire(assess.At),
        };
        if (assess.CardCountry is not null)
        {
            wire.CardCountry = assess.CardCountry;
        }

        return wire;
    }

    public static AssessAuthorization FromWire(Wire.AssessAuthorization assess) => new(
        assess.CardToken,
        assess.Rrn,
        assess.Tid,
        assess.AmountMinor,
        WireValues.FromWire(Required(assess.Merchant, "merchant")),
        assess.HasCardCountry ? assess.CardCountry : null,
        WireValues.FromWire(Required(assess.Terminal, "terminal velocity")),
        WireValues.FromWire(Required(assess.At, "time")));

    public static Wire.TakeChallengeStep ToWire(TakeChallengeStep step) => new()
    {
        CardToken = step.CardToken,
        ChallengeId = step.ChallengeId,
        Tid = step.Tid,
        Input = ToWire(step.Input),
        AmountMinor = step.AmountMinor,
        Merchant = WireValues.ToWire(step.Merchant),
        At = WireValues.ToWire(step.At),
    };

    public static TakeChallengeStep FromWire(Wire.TakeChallengeStep step) => new(
        step.CardToken,
        step.ChallengeId,
        step.Tid,
        FromWire(Required(step.Input, "challenge input")),
        step.AmountMinor,
        WireValues.FromWire(Required(step.Merchant, "merchant")),
        WireValues.FromWire(Required(step.At, "time")));

    public static Wire.RecordCardUse ToWire(RecordCardUse record) => new() { CardToken = record.CardToken, Use = record.Use };

    public static RecordCardUse FromWire(Wire.RecordCardUse record) => new(record.CardToken, Required(record.Use, "card use"));

    public static Wire.CardVerdict ToWire(CardVerdict verdict) => new()
    {
        Kind = verdict.Kind switch
        {
            CardVerdictKind.Proceed => Wire.CardVerdictKind.Proceed,
            CardVerdictKind.Decline => Wire.CardVerdictKind.Decline,
            CardVerdictKind.Challenge => Wire.CardVerdictKind.Challenge,
            _ => throw new SerializationException($"card verdict {verdict.Kind} has no wire form"),
        },
        ResponseCode = verdict.ResponseCode,
        Reason = verdict.Reason,
        Risk = verdict.Risk,
        Prompt = verdict.Prompt is { } prompt ? new Wire.ChallengePrompt { ChallengeId = prompt.ChallengeId, Field62 = Bytes(prompt.Field62) } : null,
        Offer = verdict.Offer is { } offer ? new Wire.CardOffer { Id = offer.Id, Text = offer.Text } : null,
    };

    public static CardVerdict FromWire(Wire.CardVerdict verdict) => new(
        verdict.Kind switch
        {
            Wire.CardVerdictKind.Proceed => CardVerdictKind.Proceed,
            Wire.CardVerdictKind.Decline => CardVerdictKind.Decline,
            Wire.CardVerdictKind.Challenge => CardVerdictKind.Challenge,
            _ => throw new SerializationException($"card verdict {verdict.Kind} is not known to this node"),
        },
        verdict.ResponseCode,
        verdict.Reason,
        verdict.Risk,
        verdict.Prompt is { } prompt ? new ChallengePrompt(prompt.ChallengeId, prompt.Field62.ToByteArray()) : null,
        verdict.Offer is { } offer ? new CardOffer(offer.Id, offer.Text) : null);

    private static Wire.ChallengeInput ToWire(ChallengeInput input) => new()
    {
        Kind = input.Kind switch
        {
            ChallengeInputKind.None => Wire.ChallengeInputKind.None,
            ChallengeInputKind.Phone => Wire.ChallengeInputKind.Phone,
            ChallengeInputKind.Code => Wire.ChallengeInputKind.Code,
            ChallengeInputKind.Resend => Wire.ChallengeInputKind.Resend,
            _ => throw new SerializationException($"challenge input {input.Kind} has no wire form"),
        },
        Value = input.Value,
    };

    private static ChallengeInput FromWire(Wire.ChallengeInput input) => new(
        input.Kind switch
        {
            Wire.ChallengeInputKind.None => ChallengeInputKind.None,
            Wire.ChallengeInputKind.Phone => ChallengeInputKind.Phone,
            Wire.ChallengeInputKind.Code => ChallengeInputKind.Code,
            Wire.ChallengeInputKind.Resend => ChallengeInputKind.Resend,
            _ => throw new SerializationException($"challenge input {input.Kind} is not known to this node"),
        },
        input.Value);
}
