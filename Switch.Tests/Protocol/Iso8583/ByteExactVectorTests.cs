using System.Buffers;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Protocol.Iso8583.Tlv;

namespace Switch.Tests.Protocol.Iso8583;

/// <summary>The hand-derived vectors of <see cref="Vectors"/>, written and read in both profiles.</summary>
public sealed class ByteExactVectorTests
{
    public static TheoryData<string> Profiles => [Iso87.AsciiName, Iso87.BinaryName];

    [Fact]
    public void Sign_on_0800_is_written_byte_for_byte_in_both_profiles()
    {
        Assert.Equal(Vectors.SignOnAscii, Vectors.WriteSignOn(Iso87.Ascii));
        Assert.Equal(Vectors.SignOnBinary, Vectors.WriteSignOn(Iso87.Binary));
    }

    [Fact]
    public void Purchase_0200_is_written_byte_for_byte_in_both_profiles()
    {
        Assert.Equal(Vectors.PurchaseAscii, Vectors.WritePurchase(Iso87.Ascii));
        Assert.Equal(Vectors.PurchaseBinary, Vectors.WritePurchase(Iso87.Binary));
    }

    [Fact]
    public void Challenge_response_0210_built_from_the_request_is_written_byte_for_byte_in_both_profiles()
    {
        Assert.Equal(Vectors.ChallengeResponseAscii, Respond(Vectors.PurchaseAscii, Iso87.Ascii));
        Assert.Equal(Vectors.ChallengeResponseBinary, Respond(Vectors.PurchaseBinary, Iso87.Binary));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Sign_on_0800_reads_back_its_values(string profileName)
    {
        var profile = IsoProfiles.Get(profileName);
        var bytes = profile == Iso87.Ascii ? Vectors.SignOnAscii : Vectors.SignOnBinary;
        var message = IsoMessage.Parse(bytes, profile);

        Assert.Equal(800, message.Mti);
        Assert.True(message.HasSecondaryBitmap);
        Assert.Equal([7, 11, 41, 70], FieldsOf(message));
        Assert.Equal(1129120000L, message.GetInt64(7));
        Assert.Equal(1, message.GetInt32(11));
        Assert.Equal("T0000001"u8.ToArray(), message.Raw(41).ToArray());
        Assert.Equal(1, message.GetInt32(70));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Purchase_0200_reads_back_its_values(string profileName)
    {
        var profile = IsoProfiles.Get(profileName);
        var bytes = profile == Iso87.Ascii ? Vectors.PurchaseAscii : Vectors.PurchaseBinary;
        var message = IsoMessage.Parse(bytes, profile);

        Assert.Equal(200, message.Mti);
        Assert.False(message.HasSecondaryBitmap);
        Assert.Equal([2, 3, 4, 7, 11, 14, 22, 25, 35, 41, 42, 49, 52], FieldsOf(message));
        Assert.Equal(Vectors.Pan, message.GetString(2));
        Assert.Equal(16, message.Length(2));
        Assert.Equal(0, message.GetInt32(3));
        Assert.Equal(1234L, message.GetInt64(4));
        Assert.Equal(123, message.GetInt32(11));
        Assert.Equal(51, message.GetInt32(22));
        Assert.Equal(Vectors.Track2, message.GetString(35));
        Assert.True(message.ValueEquals(41, "T0000001"u8));
        Assert.True(message.ValueEquals(2, "4761739001010010"u8));
        Assert.False(message.ValueEquals(2, "4761739001010011"u8));
        Span<byte> pin = stackalloc byte[8];
        Assert.Equal(8, message.CopyValue(52, pin));
        Assert.Equal(Vectors.PinBlock, pin.ToArray());
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Challenge_response_0210_reads_back_its_tlv(string profileName)
    {
        var profile = IsoProfiles.Get(profileName);
        var bytes = profile == Iso87.Ascii ? Vectors.ChallengeResponseAscii : Vectors.ChallengeResponseBinary;
        var message = IsoMessage.Parse(bytes, profile);

        Assert.Equal(210, message.Mti);
        Assert.Equal("1A", message.GetString(39));
        Assert.Equal(Vectors.ChallengeTlv, message.GetString(62));
        var tlv = message.Tlv(62);
        Assert.True(tlv.TryFind(ChallengeTags.Step, out var step));
        Assert.Equal("OTP"u8.ToArray(), step.ToArray());
        Assert.True(tlv.TryFind(ChallengeTags.AttemptsLeft, out var attempts));
        Assert.Equal("3"u8.ToArray(), attempts.ToArray());
        Assert.Null(tlv.Validate());
    }

    private static byte[] Respond(byte[] request, IsoProfile profile)
    {
        var message = IsoMessage.Parse(request, profile);
        var output = new ArrayBufferWriter<byte>();
        Vectors.WriteChallengeResponse(output, in message);
        return output.WrittenSpan.ToArray();
    }

    private static List<int> FieldsOf(in IsoMessage message)
    {
        var fields = new List<int>();
        foreach (var field in message.Fields)
        {
            fields.Add(field);
        }

        return fields;
    }
}
