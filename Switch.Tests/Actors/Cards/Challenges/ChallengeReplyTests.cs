using System.Text;
using Switch.Actors.Cards.Challenges;
using Switch.Protocol.Iso8583.Tlv;
using static Switch.Tests.Actors.Cards.Challenges.ChallengeJournal;

namespace Switch.Tests.Actors.Cards.Challenges;

public sealed class ChallengeReplyTests
{
    private const string Phone = "13812345678";

    private readonly ChallengeJournal _journal = new();
    private readonly string _id = ChallengeIds.New();

    [Fact]
    public void The_phone_step_is_ci_st_and_al()
    {
        var field62 = ChallengeReply.Build(_journal.Open(_id), boundPhone: null);

        Assert.Equal($"CI024{_id}ST005PHONEAL0013", Encoding.ASCII.GetString(field62));
    }

    [Fact]
    public void The_otp_step_is_ci_st_mp_al_and_ex_with_the_phone_masked()
    {
        _journal.Open(_id);

        var field62 = ChallengeReply.Build(_journal.Phone(_id, matches: true, atSeconds: 0), Phone);

        Assert.Equal($"CI024{_id}ST003OTPMP011138****5678AL0013EX003300", Encoding.ASCII.GetString(field62));
    }

    [Fact]
    public void A_wrong_answer_restates_the_step_with_fewer_attempts()
    {
        _journal.Open(_id);

        var field62 = ChallengeReply.Build(_journal.Phone(_id, matches: false, atSeconds: 12.5), boundPhone: null);

        Assert.Equal($"CI024{_id}ST005PHONEAL0012", Encoding.ASCII.GetString(field62));
        var reader = new TlvReader(field62);
        Assert.True(reader.TryFind(ChallengeTags.AttemptsLeft, out var attempts));
        Assert.Equal("2"u8.ToArray(), attempts.ToArray());
    }

    [Fact]
    public void Writing_into_a_field_gives_the_same_bytes()
    {
        _journal.Open(_id);
        var decision = _journal.Phone(_id, matches: true, atSeconds: 0);
        Span<byte> field = stackalloc byte[ChallengeReply.MaxLength];

        var written = ChallengeReply.Write(decision, Phone, field);

        Assert.Equal(ChallengeReply.Build(decision, Phone), field[..written].ToArray());
    }

    [Fact]
    public void An_answer_that_asks_nothing_or_an_otp_step_without_the_phone_is_the_caller_s_mistake()
    {
        Assert.Throws<ArgumentException>(() => ChallengeReply.Build(_journal.Open(_id, phoneBound: false), Phone));
        _journal.Open(_id);
        var otp = _journal.Phone(_id, matches: true, atSeconds: 0);
        Assert.ThrowsAny<ArgumentException>(() => ChallengeReply.Build(otp, boundPhone: null));
        Assert.Throws<ArgumentException>(() => ChallengeReply.Build(_journal.Code(_id, otp.Code!, atSeconds: 1), Phone));
    }
}
