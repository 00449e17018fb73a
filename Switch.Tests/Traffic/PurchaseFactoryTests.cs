using System.Net;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Traffic.Generator;

namespace Switch.Tests.Traffic;

public sealed class PurchaseFactoryTests
{
    [Fact]
    public void Test_cards_pass_the_luhn_check()
    {
        Assert.All(Enumerable.Range(0, PurchaseFactory.CardPool).Select(TestCards.Pan), pan =>
        {
            Assert.Equal(16, pan.Length);
            Assert.StartsWith(TestCards.Bin, pan, StringComparison.Ordinal);
            Assert.True(LuhnValid(pan), pan);
        });
    }

    [Fact]
    public void A_purchase_carries_the_contract_fields()
    {
        var options = new RunOptions { Target = new IPEndPoint(IPAddress.Loopback, 1), Amount = 1234 };
        var now = new DateTime(2025, 3, 9, 7, 5, 4, DateTimeKind.Utc);
        var buffer = new byte[512];

        var length = new PurchaseFactory(options, now).Write(buffer, new RequestContext(0, "T0000001", 42, 0, now));

        var message = IsoMessage.Parse(buffer.AsSpan(0, length), Iso87.Ascii);
        Assert.Equal(200, message.Mti);
        Assert.True(LuhnValid(message.GetString(2)));
        Assert.Equal("000000", message.GetString(3));
        Assert.Equal(1234, message.GetInt64(4));
        Assert.Equal("0309070504", message.GetString(7));
        Assert.Equal("000042", message.GetString(11));
        Assert.Equal("2803", message.GetString(14));
        Assert.Equal("T0000001", message.GetString(41));
        Assert.Equal(RunOptions.DefaultMid, message.GetString(42));
        Assert.Equal("156", message.GetString(49));
    }

    private static bool LuhnValid(string pan) =>
        pan.Reverse().Select((c, i) => (c - '0') * (i % 2 == 1 ? 2 : 1)).Sum(d => d > 9 ? d - 9 : d) % 10 == 0;
}
