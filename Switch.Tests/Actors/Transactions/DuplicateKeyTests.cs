using System.Text;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Transactions;

public sealed class DuplicateKeyTests
{
    [Fact]
    public void An_exact_retransmission_has_an_equal_key_and_hash()
    {
        var first = Key(TestRequests.Purchase());
        var again = Key(TestRequests.Purchase());

        Assert.Equal(first, again);
        Assert.True(first == again);
        Assert.Equal(first.GetHashCode(), again.GetHashCode());
    }

    [Fact]
    public void Holds_the_terminal_stan_field_7_and_amount()
    {
        var key = Key(TestRequests.Purchase());

        Assert.Equal(DuplicateKey.PackTerminalId("T0000001"u8), key.Terminal);
        Assert.Equal("T0000001", key.TerminalId);
        Assert.Equal(200, key.MessageClass);
        Assert.Equal(123, key.Stan);
        Assert.Equal(1129120000, key.TransmissionDateTime);
        Assert.Equal(1234, key.Amount);
    }

    [Theory]
    [InlineData(41, "T0000002")]
    [InlineData(11, "000124")]
    [InlineData(7, "1129120001")]
    [InlineData(4, "000000001235")]
    public void A_different_terminal_stan_transmission_time_or_amount_is_a_different_request(int field, string value) =>
        Assert.NotEqual(Key(TestRequests.Purchase()), Key(TestRequests.Purchase().With(field, value)));

    [Fact]
    public void Fields_outside_the_key_do_not_matter() =>
        Assert.Equal(Key(TestRequests.Purchase()), Key(TestRequests.Purchase().With(42, "M00000000000002").With(3, "003000").Without(14)));

    [Fact]
    public void A_reversal_built_from_the_purchase_is_not_a_retransmission_of_it() =>
        Assert.NotEqual(Key(TestRequests.Purchase()), Key(TestRequests.Purchase().WithMti(400)));

    [Fact]
    public void A_repeat_has_the_key_of_the_message_it_repeats()
    {
        Assert.Equal(Key(TestRequests.Reversal()), Key(TestRequests.Reversal().WithMti(401)));
        Assert.Equal(400, Key(TestRequests.Reversal().WithMti(401)).MessageClass);
    }

    [Fact]
    public void The_same_request_in_either_profile_has_the_same_key() =>
        Assert.Equal(Key(TestRequests.Purchase(), Iso87.Ascii), Key(TestRequests.Purchase(), Iso87.Binary));

    [Fact]
    public void Missing_field_7_or_amount_reads_as_zero()
    {
        var key = Key(TestRequests.Reversal().Without(4, 7));

        Assert.Equal(0, key.Amount);
        Assert.Equal(0, key.TransmissionDateTime);
    }

    [Theory]
    [InlineData(41)]
    [InlineData(11)]
    public void Without_a_terminal_or_stan_there_is_no_key(int field)
    {
        var bytes = TestRequests.Purchase().Without(field).Build();
        var message = IsoMessage.Parse(bytes, Iso87.Ascii);

        Assert.False(DuplicateKey.TryCreate(in message, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("T1")]
    [InlineData("T 01")]
    [InlineData("ABCDEFGH")]
    public void Terminal_ids_up_to_8_characters_pack_and_unpack(string tid)
    {
        var key = new DuplicateKey(DuplicateKey.PackTerminalId(Encoding.ASCII.GetBytes(tid)), 200, 1, 0, 0);

        Assert.Equal(tid, key.TerminalId);
    }

    [Fact]
    public void Terminal_ids_that_share_a_prefix_pack_differently() =>
        Assert.NotEqual(DuplicateKey.PackTerminalId("T1"u8), DuplicateKey.PackTerminalId("T10"u8));

    [Fact]
    public void A_terminal_id_over_8_characters_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DuplicateKey.PackTerminalId("T00000001"u8));

    [Fact]
    public void Its_text_names_terminal_and_stan_but_no_card_data()
    {
        var text = Key(TestRequests.Purchase()).ToString();

        Assert.Equal("T0000001 0200 STAN 000123 at 1129120000 amount 1234", text);
    }

    [Fact]
    public void Creating_a_key_allocates_nothing()
    {
        var bytes = TestRequests.Purchase().Build();
        long sum = 0;

        Assert.Equal(0, Allocations.Steady(() => sum += Create(bytes).Stan));
        Assert.Equal(2 * 123_000, sum);

        static DuplicateKey Create(byte[] request)
        {
            var message = IsoMessage.Parse(request, Iso87.Ascii);
            Assert.True(DuplicateKey.TryCreate(in message, out var key));
            return key;
        }
    }

    private static DuplicateKey Key(TestRequests request, IsoProfile? profile = null)
    {
        profile ??= Iso87.Ascii;
        var message = IsoMessage.Parse(request.Build(profile), profile);
        Assert.True(DuplicateKey.TryCreate(in message, out var key));
        return key;
    }
}
