using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Protocol.Security;
using Switch.Tests.Support;

namespace Switch.Tests.Protocol.Security;

/// <summary>Where the MAC goes (64, or 128 with a secondary bitmap), what it covers, and how it is checked.</summary>
public sealed class MessageMacTests : IDisposable
{
    private readonly AesCmac _key = new(Convert.FromHexString("748D43FA0A0B7AD9CB63366CCD77E06D"));

    public void Dispose() => _key.Dispose();

    public static TheoryData<string> Profiles => [Iso87.Ascii.Name, Iso87.Binary.Name];

    [Theory]
    [MemberData(nameof(Profiles))]
    public void A_message_without_a_secondary_bitmap_carries_its_mac_in_field_64(string profileName)
    {
        var profile = IsoProfiles.Get(profileName);
        var purchase = Purchase(profile);

        var signed = MessageMac.Append(purchase, profile, _key);

        var message = IsoMessage.Parse(signed, profile);
        Assert.True(message.Has(64));
        Assert.False(message.HasSecondaryBitmap);
        Assert.Equal(MacVerdict.Valid, MessageMac.Verify(in message, _key));
        Assert.Equal(ExpectedMac(signed, profile.Name == Iso87.Ascii.Name ? 16 : 8), Mac(in message, 64));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void A_message_with_a_secondary_bitmap_carries_its_mac_in_field_128(string profileName)
    {
        var profile = IsoProfiles.Get(profileName);
        var signOn = FramedClient.Build(profile, 800, (ref IsoMessageWriter w) =>
        {
            w.WriteNumber(11, 1);
            w.Write(41, "T0000001");
            w.WriteNumber(70, 1);
        });

        var signed = MessageMac.Append(signOn, profile, _key);

        var message = IsoMessage.Parse(signed, profile);
        Assert.True(message.Has(128));
        Assert.False(message.Has(64));
        Assert.Equal(MacVerdict.Valid, MessageMac.Verify(in message, _key));
    }

    [Fact]
    public void The_mac_covers_the_mti_and_every_field_before_it()
    {
        var signed = MessageMac.Append(Purchase(Iso87.Ascii), Iso87.Ascii, _key);
        var parsed = IsoMessage.Parse(signed, Iso87.Ascii);
        parsed.Bytes.Overlaps(parsed.Raw(4), out var amount);

        // 0200 becomes 0210; 1250 becomes 1251.
        foreach (var (offset, value) in new[] { (2, (byte)'1'), (amount + 11, (byte)'1') })
        {
            var tampered = signed.ToArray();
            tampered[offset] = value;
            var message = IsoMessage.Parse(tampered, Iso87.Ascii);
            Assert.Equal(MacVerdict.Wrong, MessageMac.Verify(in message, _key));
        }
    }

    [Fact]
    public void A_mac_under_another_key_is_wrong_and_no_mac_is_missing()
    {
        using var other = new AesCmac(new byte[16]);
        var purchase = Purchase(Iso87.Ascii);
        var signedByOther = MessageMac.Append(purchase, Iso87.Ascii, other);

        Assert.Equal(MacVerdict.Wrong, MessageMac.Verify(IsoMessage.Parse(signedByOther, Iso87.Ascii), _key));
        Assert.Equal(MacVerdict.Missing, MessageMac.Verify(IsoMessage.Parse(purchase, Iso87.Ascii), _key));
    }

    [Fact]
    public void Appending_in_place_writes_what_append_writes_and_needs_the_room()
    {
        var purchase = Purchase(Iso87.Ascii);
        var buffer = new byte[purchase.Length + 16];
        purchase.CopyTo(buffer, 0);

        var length = MessageMac.AppendInPlace(buffer, purchase.Length, Iso87.Ascii, _key);

        Assert.Equal(MessageMac.Append(purchase, Iso87.Ascii, _key), buffer.AsSpan(0, length).ToArray());
        var tooSmall = new byte[purchase.Length + 15];
        purchase.CopyTo(tooSmall, 0);
        Assert.Throws<ArgumentException>(() => MessageMac.AppendInPlace(tooSmall, purchase.Length, Iso87.Ascii, _key));
        Assert.Equal(purchase, tooSmall.AsSpan(0, purchase.Length).ToArray());
    }

    [Fact]
    public void A_message_that_already_has_its_mac_field_cannot_get_another()
    {
        var signed = MessageMac.Append(Purchase(Iso87.Ascii), Iso87.Ascii, _key);

        Assert.Throws<ArgumentException>(() => MessageMac.Append(signed, Iso87.Ascii, _key));
    }

    private static byte[] Purchase(IsoProfile profile) => FramedClient.Build(profile, 200, WritePurchase);

    private static void WritePurchase(ref IsoMessageWriter w)
    {
        w.Write(2, "4761739001010010");
        w.WriteNumber(3, 0);
        w.WriteNumber(4, 1250);
        w.WriteNumber(11, 7);
        w.Write(41, "T0000001");
        w.Write(49, "156"u8);
    }

    /// <summary>The CMAC of everything before the MAC field's last <paramref name="wireBytes"/> bytes, first 8 bytes.</summary>
    private string ExpectedMac(byte[] signed, int wireBytes)
    {
        var mac = new byte[16];
        _key.Compute(signed.AsSpan(0, signed.Length - wireBytes), mac);
        return Convert.ToHexString(mac, 0, 8);
    }

    private static string Mac(in IsoMessage message, int field)
    {
        var value = new byte[8];
        message.CopyValue(field, value);
        return Convert.ToHexString(value);
    }
}
