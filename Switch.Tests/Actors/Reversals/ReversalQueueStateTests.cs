using Switch.Actors.Events;
using Switch.Actors.Reversals;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Tests.Actors.Reversals;

public sealed class ReversalQueueStateTests
{
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    private readonly ReversalQueueState _state = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), Memory);

    [Fact]
    public void Nothing_is_sent_before_its_event_is_durable_nor_snapshotted()
    {
        var pending = _state.Reserve(Queued("633412000001", stan: 1), KeyOf(stan: 1));

        Assert.True(_state.IsKnown("633412000001"));
        Assert.Empty(_state.Launch(8));
        Assert.Empty(_state.ToSnapshot().Pending);

        _state.Enqueued(pending);

        Assert.Same(pending, Assert.Single(_state.Launch(8)));
        Assert.Equal(1, pending.Attempts);
        Assert.Equal("633412000001", Assert.Single(_state.ToSnapshot().Pending).Rrn);
    }

    [Fact]
    public void A_released_rrn_may_be_queued_afresh()
    {
        _state.Reserve(Queued("633412000002", stan: 2), KeyOf(stan: 2));

        _state.Release("633412000002");

        Assert.False(_state.IsKnown("633412000002"));
        _state.Reserve(Queued("633412000002", stan: 2), KeyOf(stan: 2));
    }

    [Fact]
    public void A_restored_reversal_is_a_repeat_and_one_without_a_key_is_kept_but_never_sent()
    {
        _state.Restore(Queued("633412000003", stan: 3), key: null);
        _state.Restore(Queued("633412000004", stan: 4), KeyOf(stan: 4));

        var launched = Assert.Single(_state.Launch(8));
        Assert.Equal("633412000004", launched.Rrn);
        Assert.True(launched.Repeat);
        Assert.Equal(2, launched.Attempts);
        Assert.Equal(["633412000003", "633412000004"], _state.ToSnapshot().Pending.Select(q => q.Rrn));
    }

    [Fact]
    public void A_reversal_answered_before_a_restart_is_not_sent_after_it()
    {
        var now = DateTimeOffset.UnixEpoch.AddDays(1000).ToUnixTimeMilliseconds();
        _state.Restore(Queued("633412000007", stan: 7), KeyOf(stan: 7));
        _state.Restore(Queued("633412000008", stan: 8), KeyOf(stan: 8));

        _state.Answered(new ReversalAnswered { Rrn = "633412000007", AtUnixMs = now }, now);

        Assert.Equal("633412000008", Assert.Single(_state.Launch(8)).Rrn);
    }

    [Fact]
    public void An_answered_rrn_is_remembered_for_the_memory_and_then_forgotten()
    {
        var now = DateTimeOffset.UnixEpoch.AddDays(1000).ToUnixTimeMilliseconds();
        _state.Restore(Queued("633412000005", stan: 5), KeyOf(stan: 5));

        _state.Answered(new ReversalAnswered { Rrn = "633412000005", AtUnixMs = now }, now);

        Assert.Equal(0, _state.PendingCount);
        Assert.True(_state.IsKnown("633412000005"));
        Assert.Equal("633412000005", Assert.Single(_state.ToSnapshot().Answered).Rrn);

        var later = now + (long)Memory.TotalMilliseconds + 1;
        _state.Answered(new ReversalAnswered { Rrn = "633412000006", AtUnixMs = later }, later);

        Assert.False(_state.IsKnown("633412000005"));
        Assert.Equal(["633412000006"], _state.ToSnapshot().Answered.Select(a => a.Rrn));
    }

    private static ReversalQueued Queued(string rrn, int stan) => new()
    {
        Rrn = rrn,
        Original = new RequestIdentity { Mti = 200, Stan = stan, TransmissionTime = "1129120000", AmountMinor = 1234 },
        ProcessingCode = "000000",
        Currency = "156",
        Tid = "T0000001",
        Mid = "M00000000000001",
        Acquirer = "acq-a",
    };

    private static Switch.Actors.Acquirers.AcquirerMatchKey KeyOf(int stan) =>
        ReversalMessage.TryKey(Iso87.Ascii, Queued("633412000000", stan), out var key, out _) ? key : throw new InvalidOperationException();
}
