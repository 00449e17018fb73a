using Akka.Actor;
using Switch.Actors.Cards;
using Switch.Actors.Events;
using Switch.Actors.Fees;
using Switch.Actors.Registry;
using Switch.Actors.Reversals;
using Switch.Actors.Risk;
using Switch.Actors.Terminals;
using Switch.Actors.Terminals.Keys;
using Switch.Protocol.Framing;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Serialization;

/// <summary>
/// One sample of every message that crosses nodes, covering each case of each (kinds, absent and
/// present optional parts), and the comparison of a decoded message with its original.
/// </summary>
internal static class ClusterMessageSamples
{
    /// <summary>What the cardholder typed in the challenge step samples.</summary>
    public const string TypedPhone = "13812345678";

    public const string TypedCode = "123456";

    private static readonly Merchant Shop = new("M00000000000001", "Demo Shop", "5411", "CN", ChallengePolicy.Risk);

    // Not UTC, and finer than a millisecond: the instant and its offset both cross exactly.
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.FromHours(8)).AddTicks(1234567);

    /// <summary>A master key as the registry keeps it, sealed: the only form in which it crosses nodes.</summary>
    private static readonly SealedTerminalKey Keyed = new([0x01, 0x9a, 0xfe, 0x42, 0x00, 0x77], "A1B2C3");

    private static readonly TerminalVelocity Busy = new(new ActivityTotals(2, 3000), new ActivityTotals(9, 41000));

    private static readonly FeeTerms Terms = new(new FeeRate(6000), new FeeRate(3800), CardFixedMinor: 10, QrFixedMinor: 5);

    // Versions as the fee-plan registry makes them: to the millisecond, in UTC.
    private static readonly FeePlan Plan = FeePlan
        .Create("standard", new FeePlanVersion(1, DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000), Terms, "configuration", DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000)))
        .With(new FeePlanVersion(2, DateTimeOffset.FromUnixTimeMilliseconds(1_796_000_000_000), Terms with { CardRate = new FeeRate(5500) }, "ops@example", DateTimeOffset.FromUnixTimeMilliseconds(1_795_000_000_123)));

    private static readonly TransactionStarted Started = new()
    {
        Rrn = "633412000001",
        Request = new RequestIdentity { Mti = 200, Stan = 7, TransmissionTime = "1129120000", AmountMinor = 1234 },
        MaskedPan = "476173******0010",
        ProcessingCode = "000000",
        Currency = "156",
        Tid = NodeConfig.Tid(1),
        Mid = Shop.Mid,
        Acquirer = "acq-a",
    };

    public static IReadOnlyDictionary<string, object> All(IActorRef replyTo) => new Dictionary<string, object>
    {
        ["terminal request"] = new TerminalRequest(NodeConfig.Tid(1), TerminalMessages.Purchase(NodeConfig.Tid(1), stan: 7, amount: 1000), new Tpdu(0x60, 0x0001, 0x8000), replyTo),
        ["terminal request without TPDU"] = new TerminalRequest(NodeConfig.Tid(2), TerminalMessages.SignOn(NodeConfig.Tid(2), stan: 1), default, replyTo),
        ["terminal reply"] = new TerminalReply([0x30, 0x32, 0x31, 0x30, 0x00, 0xFF], new Tpdu(0x60, 0x8000, 0x0001)),
        ["stop terminal"] = StopTerminal.Instance,
        ["bind phone"] = new BindPhone("9f86d081884c7d65", [1, 2, 3, 250, 251], Consent: true),
        ["phone bound"] = new PhoneBound("9f86d081884c7d65", Consent: false),
        ["assess authorization"] = new AssessAuthorization("9f86d081884c7d65", "633412000001", NodeConfig.Tid(1), 1234, Shop, "CN", Busy, At),
        ["assess authorization, unknown BIN, fee plan, idle terminal"] = new AssessAuthorization(
            "9f86d081884c7d65", "633412000002", NodeConfig.Tid(1), 99, Shop with { Challenge = ChallengePolicy.Always, FeePlan = "standard" }, null, default, At.ToUniversalTime()),
        ["challenge step, phone"] = Step(new ChallengeInput(ChallengeInputKind.Phone, TypedPhone), ChallengePolicy.Never),
        ["challenge step, code"] = Step(new ChallengeInput(ChallengeInputKind.Code, TypedCode), ChallengePolicy.Risk),
        ["challenge step, resend"] = Step(new ChallengeInput(ChallengeInputKind.Resend, string.Empty), ChallengePolicy.Always),
        ["challenge step, none"] = Step(ChallengeInput.None, ChallengePolicy.Risk),
        ["record card use"] = new RecordCardUse("9f86d081884c7d65", new CardUsed { AtUnixMs = 1_796_000_000_000, AmountMinor = 1234, Mid = Shop.Mid, Mcc = Shop.Mcc, Approved = true }),
        ["verdict proceed with offer"] = new CardVerdict(CardVerdictKind.Proceed, "00", "risk allowed it", Risk("allow", 12), Offer: new CardOffer("coupon-5", "5% off next visit")),
        ["verdict proceed, nothing more"] = new CardVerdict(CardVerdictKind.Proceed, "00", "challenge passed"),
        ["verdict decline"] = new CardVerdict(CardVerdictKind.Decline, "59", "risk declined it (score 91, rule night)", Risk("decline", 91, "night")),
        ["verdict challenge"] = new CardVerdict(CardVerdictKind.Challenge, "1A", "challenge opened", Risk("challenge", 55), new ChallengePrompt("C0000000001", "CI011C0000000001ST005PHONEAL0013"u8.ToArray())),
        ["stop card"] = StopCard.Instance,
        ["register merchant"] = new RegisterMerchant(Shop with { FeePlan = "standard" }),
        ["merchant stored"] = new MerchantStored(Shop with { Challenge = ChallengePolicy.Never }, Created: true),
        ["register terminal"] = new RegisterTerminal(new TerminalRegistration(NodeConfig.Tid(4), Shop.Mid)),
        ["terminal stored"] = new TerminalStored(new TerminalRegistration(NodeConfig.Tid(4), Shop.Mid), Created: false),
        ["register keyed terminal"] = new RegisterTerminal(new TerminalRegistration(NodeConfig.Tid(5), Shop.Mid, Keyed), KeepKey: false),
        ["register terminal keeping its key"] = new RegisterTerminal(new TerminalRegistration(NodeConfig.Tid(5), Shop.Mid), KeepKey: true),
        ["keyed terminal stored"] = new TerminalStored(new TerminalRegistration(NodeConfig.Tid(5), Shop.Mid, Keyed), Created: true),
        ["registration refused"] = new RegistrationRefused("mid: no merchant 'M1' is registered"),
        ["add fee plan version, now"] = new AddFeePlanVersion("standard", Terms, null, "ops@example"),
        ["add fee plan version, later"] = new AddFeePlanVersion("standard", Terms with { QrFixedMinor = 0 }, At, "ops@example"),
        ["fee plan version stored"] = new FeePlanVersionStored(Plan, Plan.Versions[1]),
        ["fee plan change refused"] = new FeePlanChangeRefused("effectiveFrom: 2026-01-01T00:00:00Z is in the past"),
        ["queue reversal"] = new QueueReversal(Started),
        ["reversal accepted"] = new ReversalAccepted("633412000001"),
        ["reversal refused"] = new ReversalRefused("633412000001", "the transaction went to another acquirer"),
    };

    /// <summary>
    /// Records compare arrays by reference: those are compared by content, the rest by value. A
    /// DateTimeOffset compares only its instant, so the offset is compared as well.
    /// </summary>
    public static void AssertSame(object expected, object actual)
    {
        Assert.IsType(expected.GetType(), actual);
        switch (expected)
        {
            case TerminalRequest request:
                var decodedRequest = (TerminalRequest)actual;
                Assert.Equal(request.Message, decodedRequest.Message);
                Assert.Equal(request, decodedRequest with { Message = request.Message });
                break;
            case TerminalReply reply:
                var decodedReply = (TerminalReply)actual;
                Assert.Equal(reply.Message, decodedReply.Message);
                Assert.Equal(reply, decodedReply with { Message = reply.Message });
                break;
            case RegisterTerminal { Terminal.Key: { } key } register:
                var decodedRegister = (RegisterTerminal)actual;
                AssertSameKey(key, decodedRegister.Terminal.Key);
                Assert.Equal(register, decodedRegister with { Terminal = decodedRegister.Terminal with { Key = key } });
                break;
            case TerminalStored { Terminal.Key: { } storedKey } terminalStored:
                var decodedTerminal = (TerminalStored)actual;
                AssertSameKey(storedKey, decodedTerminal.Terminal.Key);
                Assert.Equal(terminalStored, decodedTerminal with { Terminal = decodedTerminal.Terminal with { Key = storedKey } });
                break;
            case BindPhone bind:
                var decodedBind = (BindPhone)actual;
                Assert.Equal(bind.SealedPhone, decodedBind.SealedPhone);
                Assert.Equal(bind, decodedBind with { SealedPhone = bind.SealedPhone });
                break;
            case CardVerdict { Prompt: { } prompt } verdict:
                var decodedVerdict = (CardVerdict)actual;
                var decodedPrompt = Assert.IsType<ChallengePrompt>(decodedVerdict.Prompt);
                Assert.Equal(prompt.Field62, decodedPrompt.Field62);
                Assert.Equal(verdict, decodedVerdict with { Prompt = decodedPrompt with { Field62 = prompt.Field62 } });
                break;
            case AssessAuthorization assess:
                Assert.Equal(assess.At.Offset, ((AssessAuthorization)actual).At.Offset);
                Assert.Equal(expected, actual);
                break;
            case FeePlanVersionStored stored:
                var decodedStored = (FeePlanVersionStored)actual;
                Assert.Equal((stored.Plan.Id, stored.Version), (decodedStored.Plan.Id, decodedStored.Version));
                Assert.Equal(stored.Plan.Versions.AsEnumerable(), decodedStored.Plan.Versions.AsEnumerable());
                break;
            case AddFeePlanVersion { EffectiveFrom: { } effectiveFrom }:
                Assert.Equal(effectiveFrom.Offset, ((AddFeePlanVersion)actual).EffectiveFrom!.Value.Offset);
                Assert.Equal(expected, actual);
                break;
            case TakeChallengeStep step:
                Assert.Equal(step.At.Offset, ((TakeChallengeStep)actual).At.Offset);
                Assert.Equal(expected, actual);
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }

    private static void AssertSameKey(SealedTerminalKey expected, SealedTerminalKey? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Sealed, actual.Sealed);
        Assert.Equal(expected.CheckValue, actual.CheckValue);
    }

    private static TakeChallengeStep Step(ChallengeInput input, ChallengePolicy policy) =>
        new("9f86d081884c7d65", "C0000000001", NodeConfig.Tid(3), input, 5000, Shop with { Challenge = policy }, At);

    private static RiskVerdict Risk(string action, int score, string rule = "")
    {
        var verdict = new RiskVerdict { Action = action, Score = score, Rule = rule };
        verdict.Reasons.Add($"score {score}");
        return verdict;
    }
}
