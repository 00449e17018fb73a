using Switch.Actors.Cards.Challenges;
using Switch.Actors.Events;
using static Switch.Tests.Actors.Cards.Challenges.ChallengeJournal;

namespace Switch.Tests.Actors.Cards.Challenges;

public sealed class CardChallengesStepTests
{
    private readonly ChallengeJournal _journal = new();
    private readonly string _id = ChallengeIds.New();

    [Fact]
    public void The_right_phone_texts_a_code_kept_only_as_its_hash_and_moves_to_the_otp_step()
    {
        _journal.Open(_id);

        var decision = _journal.Phone(_id, matches: true, atSeconds: 42);

        Assert.Equal(ChallengeOutcome.CodeToSend, decision.Outcome);
        Assert.Equal((ChallengeStep.Otp, 3, 300), (decision.Step, decision.AttemptsLeft, decision.ExpiresInSeconds));
        Assert.Matches("^[0-9]{6}$", decision.Code);
        Assert.Equal(new ChallengePhoneVerified { ChallengeId = _id, AtUnixMs = At(42).ToUnixTimeMilliseconds(), Attempts = 3 }, decision.Events[0]);
        var issued = Assert.IsType<ChallengeCodeIssued>(decision.Events[1]);
        Assert.Equal((At(42).ToUnixTimeMilliseconds(), At(42 + 300).ToUnixTimeMilliseconds()), (issued.IssuedAtUnixMs, issued.ExpiresAtUnixMs));
        Assert.Equal(_journal.Codes.Hash(_id, decision.Code), issued.CodeHash.ToByteArray());
        Assert.Equal(2, decision.Events.Count);
    }

    [Fact]
    public void A_wrong_phone_spends_an_attempt_and_the_last_one_exhausts_the_challenge()
    {
        _journal.Open(_id);

        var first = _journal.Phone(_id, matches: false, atSeconds: 60);
        var second = _journal.Phone(_id, matches: false, atSeconds: 120);
        var third = _journal.Phone(_id, matches: false, atSeconds: 180);

        Assert.Equal((ChallengeOutcome.WrongPhone, ChallengeStep.Phone, 2, 240), (first.Outcome, first.Step, first.AttemptsLeft, first.ExpiresInSeconds));
        Assert.Equal(new ChallengeAttemptFailed { ChallengeId = _id, Step = ChallengeStep.Phone, AtUnixMs = At(60).ToUnixTimeMilliseconds() }, Assert.Single(first.Events));
        Assert.Equal((ChallengeOutcome.WrongPhone, 1), (second.Outcome, second.AttemptsLeft));
        Assert.Equal(ChallengeOutcome.Exhausted, third.Outcome);
        Assert.False(third.AsksCardholder);
        Assert.Equal(ChallengeCloseReason.Exhausted, Assert.IsType<ChallengeClosed>(third.Events[1]).Reason);

        // An exhausted challenge stays exhausted, whatever comes next, and journals nothing more.
        var later = _journal.Card.SubmitPhone(_id, Tid, phoneMatches: true, At(200));
        Assert.Equal(ChallengeOutcome.Exhausted, later.Outcome);
        Assert.Empty(later.Events);
        Assert.Equal(ChallengeOutcome.Exhausted, _journal.Card.SubmitCode(_id, Tid, "123456", At(200)).Outcome);
    }

    [Fact]
    public void The_otp_step_gets_fresh_attempts_after_wrong_phones()
    {
        _journal.Open(_id);
        _journal.Phone(_id, matches: false, atSeconds: 1);
        _journal.Phone(_id, matches: false, atSeconds: 2);

        var decision = _journal.Phone(_id, matches: true, atSeconds: 3);

        Assert.Equal((ChallengeOutcome.CodeToSend, 3), (decision.Outcome, decision.AttemptsLeft));
    }

    [Fact]
    public void The_right_code_passes_and_closes_the_challenge()
    {
        var code = _journal.OpenToOtp(_id);

        var decision = _journal.Code(_id, code, atSeconds: 30);

        Assert.Equal(ChallengeOutcome.Passed, decision.Outcome);
        Assert.False(decision.AsksCardholder);
        Assert.Equal(new ChallengeClosed { ChallengeId = _id, Reason = ChallengeCloseReason.Passed, AtUnixMs = At(30).ToUnixTimeMilliseconds() }, Assert.Single(decision.Events));
        Assert.Equal(ChallengeOutcome.Unknown, _journal.Card.SubmitCode(_id, Tid, code, At(31)).Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("١٢٣٤٥٦")]
    [InlineData("      ")]
    public void A_malformed_code_is_simply_a_wrong_one(string typed)
    {
        _journal.OpenToOtp(_id);

        var decision = _journal.Code(_id, typed, atSeconds: 10);

        Assert.Equal((ChallengeOutcome.WrongCode, ChallengeStep.Otp, 2, 290), (decision.Outcome, decision.Step, decision.AttemptsLeft, decision.ExpiresInSeconds));
        Assert.Equal(ChallengeStep.Otp, Assert.IsType<ChallengeAttemptFailed>(Assert.Single(decision.Events)).Step);
    }

    [Fact]
    public void Three_wrong_codes_exhaust_the_challenge_and_the_right_one_no_longer_passes()
    {
        var code = _journal.OpenToOtp(_id);
        var wrong = code == "000000" ? "000001" : "000000";

        Assert.Equal(2, _journal.Code(_id, wrong, 1).AttemptsLeft);
        Assert.Equal(1, _journal.Code(_id, wrong, 2).AttemptsLeft);
        Assert.Equal(ChallengeOutcome.Exhausted, _journal.Code(_id, wrong, 3).Outcome);
        Assert.Equal(ChallengeOutcome.Exhausted, _journal.Code(_id, code, 4).Outcome);
    }

    [Fact]
    public void The_phone_step_expires_with_the_challenge_s_lifetime()
    {
        _journal.Open(_id);

        var justBefore = _journal.Card.SubmitPhone(_id, Tid, phoneMatches: false, At(299.999));
        Assert.Equal((ChallengeOutcome.WrongPhone, 1), (justBefore.Outcome, justBefore.ExpiresInSeconds));

        var expired = _journal.Phone(_id, matches: true, atSeconds: 300);
        Assert.Equal(ChallengeOutcome.Expired, expired.Outcome);
        Assert.False(expired.AsksCardholder);
        Assert.Equal(ChallengeCloseReason.Expired, Assert.IsType<ChallengeClosed>(Assert.Single(expired.Events)).Reason);

        var again = _journal.Card.SubmitPhone(_id, Tid, phoneMatches: true, At(301));
        Assert.Equal(ChallengeOutcome.Expired, again.Outcome);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void The_otp_step_expires_with_the_code_even_past_the_challenge_s_lifetime()
    {
        _journal.Open(_id);
        var code = _journal.Phone(_id, matches: true, atSeconds: 240).Code!;

        Assert.Equal(ChallengeOutcome.Passed, _journal.Card.SubmitCode(_id, Tid, code, At(539.999)).Outcome);
        var expired = _journal.Code(_id, code, atSeconds: 540);
        Assert.Equal(ChallengeOutcome.Expired, expired.Outcome);
        Assert.Equal(ChallengeOutcome.Expired, _journal.Card.SubmitCode(_id, Tid, code, At(541)).Outcome);
    }

    [Fact]
    public void Another_terminal_naming_the_challenge_is_answered_as_if_it_did_not_exist_and_spends_nothing()
    {
        _journal.OpenToOtp(_id);
        var stranger = ChallengeIds.New();

        Assert.Equal(
            Answer(_journal.Card.SubmitCode(stranger, Tid, "123456", At(1))),
            Answer(_journal.Card.SubmitCode(_id, OtherTid, "123456", At(1))));
        Assert.Equal(
            Answer(_journal.Card.SubmitPhone(stranger, Tid, phoneMatches: true, At(1))),
            Answer(_journal.Card.SubmitPhone(_id, OtherTid, phoneMatches: true, At(1))));
        Assert.Equal(
            Answer(_journal.Card.Resend(stranger, Tid, At(100))),
            Answer(_journal.Card.Resend(_id, OtherTid, At(100))));
        Assert.Equal(ChallengeOutcome.Unknown, _journal.Card.SubmitCode(_id, OtherTid, "123456", At(1)).Outcome);
        Assert.Equal(ChallengeOutcome.Unknown, _journal.Card.SubmitCode("not even an id", Tid, "123456", At(1)).Outcome);

        // Expired at its own terminal, still unknown at another.
        Assert.Equal(ChallengeOutcome.Unknown, _journal.Card.SubmitCode(_id, OtherTid, "123456", At(400)).Outcome);

        static (ChallengeOutcome, ChallengeStep, int, int, int, int) Answer(ChallengeDecision d) =>
            (d.Outcome, d.Step, d.AttemptsLeft, d.ExpiresInSeconds, d.RetryAfterSeconds, d.Events.Count);
    }

    [Fact]
    public void A_step_out_of_turn_changes_nothing_and_restates_where_the_challenge_stands()
    {
        _journal.Open(_id);

        var codeAtPhone = _journal.Code(_id, "123456", atSeconds: 10);
        var resendAtPhone = _journal.Resend(_id, atSeconds: 11);
        Assert.Equal((ChallengeOutcome.WrongStep, ChallengeStep.Phone, 3, 290), (codeAtPhone.Outcome, codeAtPhone.Step, codeAtPhone.AttemptsLeft, codeAtPhone.ExpiresInSeconds));
        Assert.Equal((ChallengeOutcome.WrongStep, ChallengeStep.Phone, 3), (resendAtPhone.Outcome, resendAtPhone.Step, resendAtPhone.AttemptsLeft));

        var code = _journal.Phone(_id, matches: true, atSeconds: 20).Code!;
        var phoneAtOtp = _journal.Phone(_id, matches: false, atSeconds: 30);
        Assert.Equal((ChallengeOutcome.WrongStep, ChallengeStep.Otp, 3, 290), (phoneAtOtp.Outcome, phoneAtOtp.Step, phoneAtOtp.AttemptsLeft, phoneAtOtp.ExpiresInSeconds));
        Assert.All([codeAtPhone, resendAtPhone, phoneAtOtp], d => Assert.Empty(d.Events));
        Assert.Equal(ChallengeOutcome.Passed, _journal.Code(_id, code, 31).Outcome);
    }
}
