using System.Text;
using Akka.Actor;
using Microsoft.Data.Sqlite;
using Switch.Actors.Cards;
using Switch.Actors.Cards.Challenges;
using Switch.Actors.Events;
using Switch.Actors.Registry;
using Switch.Actors.Risk;
using Switch.Protocol.Iso8583.Tlv;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Cards;

/// <summary>
/// The card entity on the real SQLite journal, with the shipped risk rules and offers. Time is the
/// requests' own (<c>At</c>), so expiry, cool-down and the hourly cap are tested without waiting.
/// </summary>
public sealed class CardActorTests : Akka.TestKit.Xunit2.TestKit
{
    private const string Token = "00112233445566778899aabbccddeeff";
    private const string Phone = "13812345678";
    private const string Tid = "T0000001";

    private static readonly DateTimeOffset Start = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private static readonly Merchant Grocer = new("M00000000000001", "Grocer", "5411", "CN", ChallengePolicy.Risk);
    private static readonly Merchant Challenging = Grocer with { Challenge = ChallengePolicy.Always };
    private static readonly TerminalVelocity Quiet = new(new ActivityTotals(1, 1000), new ActivityTotals(1, 1000));

    private readonly RecordingSmsSender _sms = new();
    private readonly CardEntitySettings _settings;
    private IActorRef _card;
    private int _rrn;

    public CardActorTests()
        : base(SqliteJournal.NewConfig())
    {
        _settings = TestCardSettings.Create(_sms);
        _card = Spawn();
    }

    [Fact]
    public void An_ordinary_purchase_is_allowed_with_its_verdict()
    {
        var verdict = Assess(Grocer, 1_000);

        Assert.Equal(CardVerdictKind.Proceed, verdict.Kind);
        Assert.Equal("allow", verdict.Risk!.Action);
        Assert.InRange(verdict.Risk.Score, 0, 59);
    }

    [Fact]
    public void A_card_without_a_bound_phone_that_must_be_challenged_is_declined_05()
    {
        var verdict = Assess(Challenging, 1_000);

        Assert.Equal((CardVerdictKind.Decline, "05"), (verdict.Kind, verdict.ResponseCode));
        Assert.Empty(_sms.All);
    }

    [Fact]
    public async Task The_right_phone_then_the_texted_code_passes_the_challenge()
    {
        Bind(consent: false);

        var opened = Assess(Challenging, 1_000);
        Assert.Equal(CardVerdictKind.Challenge, opened.Kind);
        var phoneStep = Tags(opened);
        Assert.Equal(("PHONE", "3"), (phoneStep["ST"], phoneStep["AL"]));
        var challengeId = phoneStep["CI"];

        var otpStep = Step(challengeId, ChallengeInputKind.Phone, Phone);
        Assert.Equal(CardVerdictKind.Challenge, otpStep.Kind);
        var otp = Tags(otpStep);
        Assert.Equal(("OTP", "138****5678", "3", "300"), (otp["ST"], otp["MP"], otp["AL"], otp["EX"]));
        var sms = await _sms.NextAsync();
        Assert.Equal((Phone, challengeId), (sms.To, sms.ChallengeId));

        var passed = Step(challengeId, ChallengeInputKind.Code, RecordingSmsSender.CodeIn(sms));
        Assert.Equal(CardVerdictKind.Proceed, passed.Kind);

        // Passed is over: the id leads nowhere now.
        Assert.Equal("12", Step(challengeId, ChallengeInputKind.Code, RecordingSmsSender.CodeIn(sms)).ResponseCode);
    }

    [Fact]
    public void Wrong_phones_spend_the_attempts_then_75_and_a_phone_in_a_wrong_format_counts_as_wrong()
    {
        Bind(consent: false);
        var challengeId = Tags(Assess(Challenging, 1_000))["CI"];

        Assert.Equal("2", Tags(Step(challengeId, ChallengeInputKind.Phone, "13900000000"))["AL"]);
        Assert.Equal("1", Tags(Step(challengeId, ChallengeInputKind.Phone, "138-1234-5678"))["AL"]);
        var last = Step(challengeId, ChallengeInputKind.Phone, "13900000001");

        Assert.Equal((CardVerdictKind.Decline, "75"), (last.Kind, last.ResponseCode));
        Assert.Empty(_sms.All);
    }

    [Fact]
    public async Task Wrong_codes_spend_the_attempts_then_75()
    {
        Bind(consent: false);
        var challengeId = Tags(Assess(Challenging, 1_000))["CI"];
        Step(challengeId, ChallengeInputKind.Phone, Phone);
        var code = RecordingSmsSender.CodeIn(await _sms.NextAsync());
        var wrong = code == "000000" ? "000001" : "000000";

        Assert.Equal("2", Tags(Step(challengeId, ChallengeInputKind.Code, wrong))["AL"]);
        Assert.Equal("1", Tags(Step(challengeId, ChallengeInputKind.Code, wrong))["AL"]);
        Assert.Equal("75", Step(challengeId, ChallengeInputKind.Code, wrong).ResponseCode);
        Assert.Equal("75", Step(challengeId, ChallengeInputKind.Code, code).ResponseCode);
    }

    [Fact]
    public async Task A_code_typed_after_it_expired_is_refused_75()
    {
        Bind(consent: false);
        var challengeId = Tags(Assess(Challenging, 1_000))["CI"];
        Step(challengeId, ChallengeInputKind.Phone, Phone);
        var code = RecordingSmsSender.CodeIn(await _sms.NextAsync());

        var late = Step(challengeId, ChallengeInputKind.Code, code, Start + _settings.Challenge.CodeValidity + TimeSpan.FromSeconds(1));

        Assert.Equal((CardVerdictKind.Decline, "75"), (late.Kind, late.ResponseCode));
    }

    [Fact]
    public async Task A_resend_within_the_cool_down_sends_nothing_and_after_it_a_new_code_replaces_the_old()
    {
        Bind(consent: false);
        var challengeId = Tags(Assess(Challenging, 1_000))["CI"];
        Step(challengeId, ChallengeInputKind.Phone, Phone);
        var first = RecordingSmsSender.CodeIn(await _sms.NextAsync());

        Assert.Equal("OTP", Tags(Step(challengeId, ChallengeInputKind.Resend, string.Empty, Start.AddSeconds(10)))["ST"]);
        Assert.Single(_sms.All);

        Step(challengeId, ChallengeInputKind.Resend, string.Empty, Start.AddSeconds(61));
        var second = RecordingSmsSender.CodeIn(await _sms.NextAsync());
        if (first != second)
        {
            Assert.Equal(CardVerdictKind.Challenge, Step(challengeId, ChallengeInputKind.Code, first, Start.AddSeconds(62)).Kind);
        }

        Assert.Equal(CardVerdictKind.Proceed, Step(challengeId, ChallengeInputKind.Code, second, Start.AddSeconds(63)).Kind);
    }

    [Fact]
    public async Task A_challenge_survives_a_restart_of_its_card_mid_flow()
    {
        Bind(consent: false);
        var challengeId = Tags(Assess(Challenging, 1_000))["CI"];
        Step(challengeId, ChallengeInputKind.Phone, Phone);
        var code = RecordingSmsSender.CodeIn(await _sms.NextAsync());

        Restart();

        Assert.Equal(CardVerdictKind.Proceed, Step(challengeId, ChallengeInputKind.Code, code).Kind);
    }

    [Fact]
    public void Another_terminal_naming_the_challenge_is_answered_as_for_an_unknown_one()
    {
        Bind(consent: false);
        var challengeId = Tags(Assess(Challenging, 1_000))["CI"];

        _card.Tell(new TakeChallengeStep(Token, challengeId, "T0000002", new ChallengeInput(ChallengeInputKind.Phone, Phone), 1_000, Challenging, Start));

        Assert.Equal("12", ExpectMsg<CardVerdict>().ResponseCode);
        Assert.Equal("12", Step("NOSUCHCHALLENGEIDATALL22", ChallengeInputKind.Phone, Phone).ResponseCode);
        Assert.Empty(_sms.All);
    }

    [Fact]
    public void More_challenges_in_an_hour_than_the_cap_are_refused_75()
    {
        Bind(consent: false);
        for (var i = 0; i < _settings.Challenge.MaxPerHour; i++)
        {
            Assert.Equal(CardVerdictKind.Challenge, Assess(Challenging, 1_000, Start.AddMinutes(i)).Kind);
        }

        Assert.Equal("75", Assess(Challenging, 1_000, Start.AddMinutes(10)).ResponseCode);
        Assert.Equal(CardVerdictKind.Challenge, Assess(Challenging, 1_000, Start.AddMinutes(61)).Kind);
    }

    [Fact]
    public void A_card_testing_burst_of_small_amounts_across_merchants_is_declined_59()
    {
        for (var i = 0; i < 5; i++)
        {
            _card.Tell(new RecordCardUse(Token, Use(Start.AddMinutes(i), 100, $"M0000000000000{i}", approved: true)));
        }

        var verdict = Assess(Grocer with { Mid = "M00000000000009" }, 100, Start.AddMinutes(6));

        Assert.Equal((CardVerdictKind.Decline, "59", "card-testing"), (verdict.Kind, verdict.ResponseCode, verdict.Risk!.Rule));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Offers_come_from_the_spending_profile_only_with_the_cardholders_consent(bool consent)
    {
        Bind(consent);
        for (var i = 0; i < 3; i++)
        {
            _card.Tell(new RecordCardUse(Token, Use(Start.AddDays(-i - 1), 1_000, Grocer.Mid, approved: true)));
        }

        var verdict = Assess(Grocer, 1_000);

        Assert.Equal(CardVerdictKind.Proceed, verdict.Kind);
        Assert.Equal(consent ? "grocery-5" : null, verdict.Offer?.Id);
    }

    [Fact]
    public async Task The_journal_holds_neither_the_phone_nor_the_code_in_clear()
    {
        Bind(consent: false);
        var challengeId = Tags(Assess(Challenging, 1_000))["CI"];
        Step(challengeId, ChallengeInputKind.Phone, Phone);
        var code = RecordingSmsSender.CodeIn(await _sms.NextAsync());
        Step(challengeId, ChallengeInputKind.Code, code);
        Restart();

        var file = new SqliteConnectionStringBuilder(Sys.Settings.Config.GetString("akka.persistence.journal.sql.connection-string")).DataSource;
        SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(file).Concat(File.Exists(file + "-wal") ? File.ReadAllBytes(file + "-wal") : []).ToArray();
        Assert.True(bytes.Length > 0);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Phone)));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes($"{challengeId}:{code}")));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes($"OT006{code}")));
    }

    private IActorRef Spawn() => Sys.ActorOf(CardActor.Props(Token, _settings), $"card-{Guid.NewGuid():N}");

    private void Restart()
    {
        Watch(_card);
        _card.Tell(StopCard.Instance);
        ExpectTerminated(_card);
        _card = Spawn();
    }

    private void Bind(bool consent)
    {
        _card.Tell(new BindPhone(Token, _settings.Phones.Seal(Phone, Token), consent));
        Assert.Equal(consent, ExpectMsg<PhoneBound>().Consent);
    }

    private CardVerdict Assess(Merchant merchant, long amount, DateTimeOffset? at = null)
    {
        _card.Tell(new AssessAuthorization(Token, $"{++_rrn:D12}", Tid, amount, merchant, "CN", Quiet, at ?? Start));
        return ExpectMsg<CardVerdict>();
    }

    private CardVerdict Step(string challengeId, ChallengeInputKind kind, string value, DateTimeOffset? at = null)
    {
        _card.Tell(new TakeChallengeStep(Token, challengeId, Tid, new ChallengeInput(kind, value), 1_000, Challenging, at ?? Start));
        return ExpectMsg<CardVerdict>();
    }

    private static CardUsed Use(DateTimeOffset at, long amount, string mid, bool approved) => new()
    {
        AtUnixMs = at.ToUnixTimeMilliseconds(),
        AmountMinor = amount,
        Mid = mid,
        Mcc = "5411",
        Approved = approved,
    };

    private static Dictionary<string, string> Tags(CardVerdict verdict)
    {
        Assert.NotNull(verdict.Prompt);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new TlvReader(verdict.Prompt.Field62);
        while (reader.TryRead(out var tag, out var value))
        {
            tags[Encoding.ASCII.GetString(tag)] = Encoding.ASCII.GetString(value);
        }

        Assert.Null(reader.Error);
        return tags;
    }
}
