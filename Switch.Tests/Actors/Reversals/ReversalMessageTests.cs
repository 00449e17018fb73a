using Switch.Actors.Events;
using Switch.Actors.Reversals;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Reversals;

public sealed class ReversalMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 34, 56, TimeSpan.FromHours(8));

    [Fact]
    public void The_binary_profile_carries_the_same_values_packed()
    {
        var message = new ReceivedMessage(ReversalMessage.Build(Iso87.Binary, Queued(), repeat: true, Now), Iso87.Binary);

        Assert.Equal(401, message.Mti);
        Assert.Equal("000000001234", message[4]);
        Assert.Equal("1129043456", message[7]);
        Assert.Equal("000321", message[11]);
        Assert.Equal("0200" + "000321" + "1129120000" + new string('0', 22), message[90]);
    }

    [Fact]
    public void The_key_is_that_of_the_reversal_class_so_it_never_matches_the_original()
    {
        Assert.True(ReversalMessage.TryKey(Iso87.Ascii, Queued(), out var key, out _));

        Assert.Equal("0400/T0000001/000321", key.ToString());
    }

    public static TheoryData<string, Action<ReversalQueued>> Unsendable => new()
    {
        { "no original", q => q.Original = null },
        { "no TID", q => q.Tid = string.Empty },
        { "a TID over 8 characters", q => q.Tid = "T000000001" },
        { "a letter in the original's field 7", q => q.Original.TransmissionTime = "11291200AB" },
        { "a negative amount", q => q.Original.AmountMinor = -1 },
        { "a four-letter currency", q => q.Currency = "CNYX" },
    };

    [Theory]
    [MemberData(nameof(Unsendable))]
    public void A_reversal_the_profile_cannot_carry_is_found_out_before_it_is_queued(string what, Action<ReversalQueued> spoil)
    {
        ArgumentNullException.ThrowIfNull(spoil);
        var queued = Queued();
        spoil(queued);

        Assert.False(ReversalMessage.TryKey(Iso87.Ascii, queued, out _, out var reason), what);
        Assert.NotEmpty(reason);
    }

    private static ReversalQueued Queued() => new()
    {
        Rrn = "633412000001",
        Original = new RequestIdentity { Mti = 200, Stan = 321, TransmissionTime = "1129120000", AmountMinor = 1234 },
        ProcessingCode = "000000",
        Currency = "156",
        Tid = "T0000001",
        Mid = "M00000000000001",
        Acquirer = "acq-a",
    };
}
