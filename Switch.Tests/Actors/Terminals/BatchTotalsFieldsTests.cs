using System.Buffers;
using Switch.Actors.Events;
using Switch.Actors.Terminals;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Terminals;

/// <summary>Where batch totals travel (74-77, 86-89, 97) and how two sets of them are compared.</summary>
public sealed class BatchTotalsFieldsTests
{
    private static readonly int[] Fields = [74, 75, 76, 77, 86, 87, 88, 89, 97];

    private static readonly BatchTotals Sample = new()
    {
        CreditsNumber = 1,
        CreditsReversalNumber = 2,
        DebitsNumber = 3,
        DebitsReversalNumber = 4,
        CreditsAmount = 500,
        CreditsReversalAmount = 600,
        DebitsAmount = 700,
        DebitsReversalAmount = 800,
        NetSettlement = "C0000000000000200",
    };

    [Fact]
    public void Totals_written_into_a_message_read_back_the_same_in_both_profiles()
    {
        foreach (var profile in new[] { Iso87.Ascii, Iso87.Binary })
        {
            var bytes = Written(profile, Sample);

            Assert.True(BatchTotalsFields.TryRead(IsoMessage.Parse(bytes, profile), out var read, out var missing));
            Assert.Equal((Sample, 0), (read, missing));
        }
    }

    [Fact]
    public void Each_count_and_amount_lands_in_its_iso_field()
    {
        var message = new ReceivedMessage(Written(Iso87.Ascii, Sample), Iso87.Ascii);

        Assert.Equal(
            ["0000000001", "0000000002", "0000000003", "0000000004", "0000000000000500", "0000000000000600", "0000000000000700", "0000000000000800", "C0000000000000200"],
            Fields.Select(f => message[f]));
    }

    [Fact]
    public void A_missing_total_is_named_and_field_97_may_be_absent()
    {
        var withoutNet = new BatchTotals(Sample) { NetSettlement = string.Empty };
        var bytes = TerminalMessages.Batch("T0000001", stan: 1, new BatchCount(1, 100), omit: 87);

        Assert.False(BatchTotalsFields.TryRead(IsoMessage.Parse(bytes, Iso87.Ascii), out _, out var missing));
        Assert.Equal(87, missing);
        Assert.True(BatchTotalsFields.TryRead(IsoMessage.Parse(Written(Iso87.Ascii, withoutNet), Iso87.Ascii), out var read, out _));
        Assert.Equal(string.Empty, read.NetSettlement);
    }

    [Theory]
    [InlineData("D0000000000001234", 1234)]
    [InlineData("C0000000000001234", -1234)]
    [InlineData("C0000000000000000", 0)]
    public void Field_97_reads_as_a_signed_net(string field97, long net) => Assert.Equal(net, BatchTotalsFields.ParseNet(field97));

    [Fact]
    public void The_net_is_debits_less_credits_each_net_of_its_reversals() =>
        Assert.Equal(700 - 800 - (500 - 600), BatchTotalsFields.Net(Sample));

    [Fact]
    public void Equal_totals_differ_in_nothing_and_a_zero_net_balances_under_either_sign()
    {
        var @switch = new BatchTotals { DebitsNumber = 1, DebitsAmount = 100, DebitsReversalNumber = 1, DebitsReversalAmount = 100 };

        Assert.Empty(BatchDifference.Between(new BatchTotals(@switch), @switch));
        Assert.Empty(BatchDifference.Between(new BatchTotals(@switch) { NetSettlement = "C0000000000000000" }, @switch));
        Assert.Empty(BatchDifference.Between(new BatchTotals(@switch) { NetSettlement = "D0000000000000000" }, @switch));
    }

    [Fact]
    public void Every_differing_total_is_listed_in_field_order_with_both_values()
    {
        var @switch = new BatchTotals { DebitsNumber = 2, DebitsAmount = 3000 };
        var terminal = new BatchTotals { CreditsNumber = 1, DebitsNumber = 2, DebitsAmount = 2000, NetSettlement = "D0000000000002000" };

        Assert.Equal(
            ["credits number (74) terminal 1 switch 0", "debits amount (88) terminal 2000 switch 3000", "net settlement (97) terminal 2000 switch 3000"],
            BatchDifference.Between(terminal, @switch).Select(d => d.ToString()));
    }

    private static byte[] Written(IsoProfile profile, BatchTotals totals)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new IsoMessageWriter(output, profile, 510);
        writer.WriteNumber(11, 1);
        BatchTotalsFields.Write(ref writer, totals);
        writer.Complete();
        return output.WrittenSpan.ToArray();
    }
}
