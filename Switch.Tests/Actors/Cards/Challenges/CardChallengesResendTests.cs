using Switch.Actors.Cards.Challenges;
using Switch.Actors.Events;
using static Switch.Tests.Actors.Cards.Challenges.ChallengeJournal;

namespace Switch.Tests.Actors.Cards.Challenges;

public sealed class CardChallengesResendTests
{
    private readonly ChallengeJournal _journal = new();
    private readonly string _id = ChallengeIds.New();

    [Fact]
    public void A_resend_within_the_cool_down_says_how_long_to_wait_and_changes_nothing()
    {
        _journal.OpenToOtp(_id, atSeconds: 100);

        var atOnce = _journal.Resend(_id, atSeconds: 100);
        var almost = _journal.Resend(_id, atSeconds: 159.5);

        Assert.Equal((ChallengeOutcome.TooSoon, ChallengeStep.Otp, 3, 300, 60), (atOnce.Outcome, atOnce.Step, atOnce.AttemptsLeft, atOnce.ExpiresInSeconds, atOnce.RetryAfterSeconds));
        Assert.Equal((ChallengeOutcome.TooSoon, 1), (almost.Outcome, almost.RetryAfterSeconds));
        Assert.Empty(atOnce.Events);
        Assert.Null(atOnce.Code);
        Assert.Empty(almost.Events);
    }

    [Fact]
    public void A_resend_texts_a_new_code_that_alone_is_right_and_renews_the_deadline_but_not_the_attempts()
    {
        var old = _journal.OpenToOtp(_id);
        var wrong = old == "000000" ? "000001" : "000000";
        _journal.Code(_id, wrong, atSeconds: 30);

        var resent = _journal.Resend(_id, atSeconds: 240);

        Assert.Equal((ChallengeOutcome.CodeToSend, ChallengeStep.Otp, 2, 300), (resent.Outcome, resent.Step, resent.AttemptsLeft, resent.ExpiresInSeconds));
        var issued = Assert.IsType<ChallengeCodeIssued>(Assert.Single(resent.Events));
        Assert.Equal(At(540).ToUnixTimeMilliseconds(), issued.ExpiresAtUnixMs);
        Assert.Matches("^[0-9]{6}$", resent.Code);
        if (resent.Code != old)
        {
            Assert.Equal((ChallengeOutcome.WrongCode, 1), Tuple(_journal.Code(_id, old, atSeconds: 250)));
        }

        // Past the first code's deadline, within the new one's.
        Assert.Equal(ChallengeOutcome.Passed, _journal.Code(_id, resent.Code!, atSeconds: 500).Outcome);

        static (ChallengeOutcome, int) Tuple(ChallengeDecision d) => (d.Outcome, d.AttemptsLeft);
    }

    [Fact]
    public void Resends_are_limited_and_after_the_last_the_current_code_stays_valid()
    {
        _journal.OpenToOtp(_id);
        string? last = null;
        for (var i = 1; i <= 3; i++)
        {
            var resent = _journal.Resend(_id, atSeconds: i * 60);
            Assert.Equal(ChallengeOutcome.CodeToSend, resent.Outcome);
            last = resent.Code;
        }

        var refused = _journal.Resend(_id, atSeconds: 300);

        Assert.Equal((ChallengeOutcome.ResendsExhausted, ChallengeStep.Otp, 3, 180), (refused.Outcome, refused.Step, refused.AttemptsLeft, refused.ExpiresInSeconds));
        Assert.Empty(refused.Events);
        Assert.Equal(ChallengeOutcome.Passed, _journal.Code(_id, last!, atSeconds: 301).Outcome);
    }

    [Fact]
    public void No_resend_is_allowed_when_configured_so()
    {
        var journal = new ChallengeJournal(ChallengeSettings.Default with { MaxResends = 0 });
        journal.OpenToOtp(_id);

        Assert.Equal(ChallengeOutcome.ResendsExhausted, journal.Resend(_id, atSeconds: 120).Outcome);
    }

    [Fact]
    public void A_resend_after_the_code_expired_finds_the_challenge_expired()
    {
        _journal.OpenToOtp(_id);

        var decision = _journal.Resend(_id, atSeconds: 300);

        Assert.Equal(ChallengeOutcome.Expired, decision.Outcome);
        Assert.Equal(ChallengeCloseReason.Expired, Assert.IsType<ChallengeClosed>(Assert.Single(decision.Events)).Reason);
    }
}
