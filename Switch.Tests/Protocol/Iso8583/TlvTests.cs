using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Tlv;

namespace Switch.Tests.Protocol.Iso8583;

public sealed class TlvTests
{
    [Fact]
    public void Writer_and_reader_agree_on_tag_length_value()
    {
        Span<byte> buffer = stackalloc byte[64];
        var writer = new TlvWriter(buffer);
        writer.Write(ChallengeTags.ChallengeId, "AB12"u8);
        writer.Write(ChallengeTags.PhoneNumber, "13812345678");
        writer.Write(ChallengeTags.AttemptsLeft, 2);

        Assert.Equal("CI004AB12PN01113812345678AL0012"u8.ToArray(), buffer[..writer.Written].ToArray());

        var reader = new TlvReader(buffer[..writer.Written]);
        Assert.True(reader.TryRead(out var tag, out var value));
        Assert.Equal("CI"u8.ToArray(), tag.ToArray());
        Assert.Equal("AB12"u8.ToArray(), value.ToArray());
        Assert.True(reader.TryRead(out tag, out value));
        Assert.Equal("PN"u8.ToArray(), tag.ToArray());
        Assert.Equal("13812345678"u8.ToArray(), value.ToArray());
        Assert.True(reader.TryRead(out _, out value));
        Assert.Equal("2"u8.ToArray(), value.ToArray());
        Assert.False(reader.TryRead(out _, out _));
        Assert.Null(reader.Error);
    }

    [Fact]
    public void An_empty_value_is_a_valid_element()
    {
        var reader = new TlvReader("RS000CI0011"u8);
        Assert.True(reader.TryFind(ChallengeTags.Resend, out var resend));
        Assert.True(resend.IsEmpty);
        Assert.True(reader.TryFind(ChallengeTags.ChallengeId, out var id));
        Assert.Equal("1"u8.ToArray(), id.ToArray());
        Assert.False(reader.TryFind(ChallengeTags.OneTimeCode, out _));
    }

    [Theory]
    [InlineData("CI00", 0, "needs a 5-byte header, 4 bytes remain")]
    [InlineData("CI0AB1234", 0, "TLV length is not 3 ASCII digits")]
    [InlineData("CI0011ST009OTP", 6, "TLV length 9 exceeds the 3 bytes that remain")]
    public void A_malformed_element_stops_the_walk_with_a_precise_error(string data, int offset, string reason)
    {
        const int fieldOffset = 40;
        var reader = new TlvReader(System.Text.Encoding.ASCII.GetBytes(data), 62, fieldOffset);
        while (reader.TryRead(out _, out _))
        {
        }

        Assert.NotNull(reader.Error);
        Assert.Equal(IsoErrorKind.BadTlv, reader.Error.Kind);
        Assert.Equal(62, reader.Error.Field);
        Assert.Equal(fieldOffset + offset, reader.Error.Offset);
        Assert.Contains(reason, reader.Error.Message, StringComparison.Ordinal);
        Assert.StartsWith("field 62: ", reader.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_over_999_bytes_or_past_the_buffer_is_refused_with_the_codec_error()
    {
        var big = new byte[1000];
        var error = Assert.Throws<IsoFormatException>(() =>
        {
            var writer = new TlvWriter(new byte[2000], 62);
            writer.Write(ChallengeTags.ChallengeId, big);
        });
        Assert.Equal(IsoErrorKind.TooLong, error.Error.Kind);

        var overflow = Assert.Throws<IsoFormatException>(() =>
        {
            var writer = new TlvWriter(new byte[8], 62);
            writer.Write(ChallengeTags.ChallengeId, "ABCD"u8);
        });
        Assert.Equal(IsoErrorKind.TooLong, overflow.Error.Kind);
    }

    [Fact]
    public void Non_ascii_text_is_refused_and_leaves_nothing_half_written()
    {
        var buffer = new byte[32];
        var written = -1;
        Assert.Throws<IsoFormatException>(() =>
        {
            var writer = new TlvWriter(buffer, 62);
            try
            {
                writer.Write(ChallengeTags.PhoneNumber, "1381234567\u00e9");
            }
            finally
            {
                written = writer.Written;
            }
        });
        Assert.Equal(0, written);
    }
}
