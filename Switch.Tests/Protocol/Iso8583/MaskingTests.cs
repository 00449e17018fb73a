using System.Buffers;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Protocol.Iso8583.Tlv;
using Switch.Protocol.Masking;

namespace Switch.Tests.Protocol.Iso8583;

public sealed class MaskingTests
{
    [Theory]
    [InlineData(Iso87.AsciiName)]
    [InlineData(Iso87.BinaryName)]
    public void Debug_form_masks_the_pan_and_hides_track_pin_and_expiry(string profileName)
    {
        var profile = IsoProfiles.Get(profileName);
        var text = IsoMessage.Parse(Vectors.WritePurchase(profile), profile).ToString();

        Assert.StartsWith("0200 ", text, StringComparison.Ordinal);
        Assert.Contains("[2]=476173******0010", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Vectors.Pan, text, StringComparison.Ordinal);
        Assert.DoesNotContain("2812", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0102030405060708", text, StringComparison.Ordinal);
        Assert.Contains($"[35]={MessageFormatter.Hidden}", text, StringComparison.Ordinal);
        Assert.Contains($"[52]={MessageFormatter.Hidden}", text, StringComparison.Ordinal);
        Assert.Contains("[4]=000000001234", text, StringComparison.Ordinal);
        Assert.Contains("[41]=T0000001", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Debug_form_hides_the_one_time_code_and_masks_the_typed_phone()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new IsoMessageWriter(output, Iso87.Ascii, 200);
        writer.WriteNumber(11, 7);
        var tlv = new TlvWriter(writer.BeginField(62));
        tlv.Write(ChallengeTags.ChallengeId, "C0000001"u8);
        tlv.Write(ChallengeTags.PhoneNumber, "13812345678"u8);
        tlv.Write(ChallengeTags.OneTimeCode, "482913"u8);
        writer.EndField(tlv.Written);
        writer.Complete();

        var text = IsoMessage.Parse(output.WrittenSpan, Iso87.Ascii).ToString();

        Assert.Contains("CI=C0000001", text, StringComparison.Ordinal);
        Assert.Contains("PN=138****5678", text, StringComparison.Ordinal);
        Assert.Contains($"OT={MessageFormatter.Hidden}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("482913", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4761739001010010", "476173******0010")]
    [InlineData("4761739001010010123", "476173*********0123")]
    [InlineData("476173900101", "********0101")]
    [InlineData("1234567", "*******")]
    public void Pan_shows_at_most_first_six_and_last_four(string pan, string masked) =>
        Assert.Equal(masked, Mask.Pan(pan));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+8613812345678", "+86*******5678")]
    [InlineData("5551234", "*****34")]
    [InlineData("1234", "****")]
    public void Phone_shows_first_three_and_last_four(string phone, string masked) =>
        Assert.Equal(masked, Mask.Phone(phone));
}
