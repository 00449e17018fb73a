using Google.Protobuf;
using System.Text;
using Switch.Actors.Cards.Challenges;
using Switch.Actors.Events;
using static Switch.Tests.Actors.Cards.Challenges.ChallengeJournal;

namespace Switch.Tests.Actors.Cards.Challenges;

public sealed class CardChallengesRecoveryTests
{
    private readonly ChallengeJournal _journal = new(ChallengeSettings.Default with { MaxPerHour = 10 });

    [Fact]
    public void Replaying_the_journal_rebuilds_the_same_state_after_every_event()
    {
        var (passing, _) = MixedFlow();

        for (var n = 0; n <= _journal.Events.Count; n++)
        {
            var partial = new ChallengeJournal(_journal.Settings);
            partial.Events.AddRange(_journal.Events.Take(n));
            var once = partial.Replay();
            var twice = partial.Replay(snapshot: once.ToSnapshot(), skip: n);
            Assert.Equal(once.ToSnapshot(), twice.ToSnapshot());
        }

        Assert.Equal(_journal.Card.ToSnapshot(), _journal.Replay().ToSnapshot());
        Assert.Equal(ChallengeOutcome.Passed, _journal.Replay().SubmitCode(passing.Id, Tid, passing.Code, At(350)).Outcome);
    }

    [Fact]
    public void A_challenge_survives_a_restart_mid_flow_from_a_snapshot_and_the_events_after_it()
    {
        var id = ChallengeIds.New();
        var code = _journal.OpenToOtp(id, atSeconds: 10);
        var snapshot = _journal.Card.ToSnapshot();
        var taken = _journal.Events.Count;
        var wrong = code == "000000" ? "000001" : "000000";
        _journal.Code(id, wrong, atSeconds: 20);

        var restarted = _journal.Replay(snapshot, skip: taken);

        Assert.Equal(_journal.Card.ToSnapshot(), restarted.ToSnapshot());
        var wrongAgain = restarted.SubmitCode(id, Tid, wrong, At(30));
        Assert.Equal((ChallengeOutcome.WrongCode, 1, 280), (wrongAgain.Outcome, wrongAgain.AttemptsLeft, wrongAgain.ExpiresInSeconds));
        Assert.Equal(ChallengeOutcome.Passed, restarted.SubmitCode(id, Tid, code, At(30)).Outcome);
        Assert.Equal(ChallengeOutcome.TooSoon, restarted.Resend(id, Tid, At(30)).Outcome);
    }

    [Fact]
    public void Closed_challenges_are_let_go_an_hour_after_they_opened_so_a_card_holds_few()
    {
        var journal = new ChallengeJournal(ChallengeSettings.Default with { MaxPerHour = 100 });
        for (var i = 0; i < 100; i++)
        {
            journal.Open(ChallengeIds.New(), atSeconds: i * 30);
        }

        var held = journal.Card.ToSnapshot().Challenges;
        Assert.Equal(100, held.Count);
        Assert.True(held.Count(c => c.Closed == ChallengeCloseReason.Unspecified) <= CardChallenges.MaxOpen);

        journal.Open(ChallengeIds.New(), atSeconds: 3 * 3600);

        Assert.Equal(ChallengeCloseReason.Unspecified, Assert.Single(journal.Card.ToSnapshot().Challenges).Closed);
        Assert.Equal(journal.Card.ToSnapshot(), journal.Replay().ToSnapshot());
    }

    [Fact]
    public void Events_for_challenges_no_longer_open_change_nothing_and_other_messages_are_refused()
    {
        var (_, exhausted) = MixedFlow();
        var before = _journal.Card.ToSnapshot();

        _journal.Card.Apply(new ChallengeAttemptFailed { ChallengeId = exhausted, Step = ChallengeStep.Phone });
        _journal.Card.Apply(new ChallengeCodeIssued { ChallengeId = "NOSUCHCHALLENGE", IssuedAtUnixMs = 1 });
        _journal.Card.Apply(new ChallengeClosed { ChallengeId = exhausted, Reason = ChallengeCloseReason.Passed });

        Assert.Equal(before, _journal.Card.ToSnapshot());
        Assert.Throws<ArgumentException>(() => _journal.Card.Apply(new TerminalSignedOn()));
        Assert.Throws<ArgumentException>(() => _journal.Card.Apply(new CardChallengesSnapshot()));
        Assert.True(CardChallenges.IsChallengeEvent(new ChallengeClosed()));
        Assert.False(CardChallenges.IsChallengeEvent(new CardChallengesSnapshot()));
        Assert.False(CardChallenges.IsChallengeEvent(new TerminalSignedOn()));
    }

    [Fact]
    public void Neither_the_journal_nor_a_snapshot_nor_a_decision_s_string_holds_a_code_in_clear()
    {
        var id = ChallengeIds.New();
        var first = _journal.OpenToOtp(id);
        var resent = _journal.Resend(id, atSeconds: 60);
        var code = resent.Code!;
        var snapshot = Encoding.Latin1.GetString(_journal.Card.ToSnapshot().ToByteArray());

        foreach (var clear in new[] { first, code })
        {
            Assert.All(_journal.Events, e => Assert.DoesNotContain(clear, Encoding.Latin1.GetString(e.Bytes), StringComparison.Ordinal));
            Assert.DoesNotContain(clear, snapshot, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(code, resent.ToString(), StringComparison.Ordinal);
        Assert.Contains(id, resent.ToString(), StringComparison.Ordinal);
        Assert.All(_journal.Parsed(), e => Assert.DoesNotContain(code, e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_closed_challenge_keeps_no_code_hash()
    {
        var id = ChallengeIds.New();
        var code = _journal.OpenToOtp(id);
        Assert.False(_journal.Card.ToSnapshot().Challenges.Single().CodeHash.IsEmpty);

        _journal.Code(id, code, atSeconds: 1);

        Assert.True(_journal.Card.ToSnapshot().Challenges.Single().CodeHash.IsEmpty);
    }

    /// <summary>Every kind of event: challenges left open at each step (one after a resend), one passed, one exhausted, one expired.</summary>
    private ((string Id, string Code) Passing, string Exhausted) MixedFlow()
    {
        var open = ChallengeIds.New();
        _journal.OpenToOtp(open, atSeconds: 0);
        var openCode = _journal.Resend(open, atSeconds: 61).Code!;

        var passed = ChallengeIds.New();
        var code = _journal.OpenToOtp(passed, atSeconds: 5);
        _journal.Code(passed, code == "000000" ? "000001" : "000000", atSeconds: 6);
        _journal.Code(passed, code, atSeconds: 7);

        var exhausted = ChallengeIds.New();
        _journal.Open(exhausted, atSeconds: 8);
        for (var i = 0; i < 3; i++)
        {
            _journal.Phone(exhausted, matches: false, atSeconds: 9 + i);
        }

        var expired = ChallengeIds.New();
        _journal.Open(expired, atSeconds: 10);
        _journal.Phone(expired, matches: true, atSeconds: 320);

        _journal.Open(ChallengeIds.New(), atSeconds: 330);
        return ((open, openCode), exhausted);
    }
}
