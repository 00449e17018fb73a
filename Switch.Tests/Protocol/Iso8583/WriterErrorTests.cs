using System.Buffers;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Tests.Protocol.Iso8583;

public sealed class WriterErrorTests
{
    [Fact]
    public void A_letter_in_a_numeric_field_names_the_field()
    {
        var error = Assert.Throws<IsoFormatException>(() => WriteOne(Iso87.Ascii, 4, "12AB"u8.ToArray())).Error;
        Assert.Equal(IsoErrorKind.InvalidContent, error.Kind);
        Assert.Equal(4, error.Field);
    }

    [Fact]
    public void A_value_longer_than_the_spec_is_refused()
    {
        var error = Assert.Throws<IsoFormatException>(() => WriteOne(Iso87.Binary, 2, "12345678901234567890"u8.ToArray())).Error;
        Assert.Equal(IsoErrorKind.LengthOutOfRange, error.Kind);
        Assert.Equal(2, error.Field);
        Assert.Contains("exceeds maximum 19", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixed_binary_field_must_be_exact()
    {
        var error = Assert.Throws<IsoFormatException>(() => WriteOne(Iso87.Ascii, 52, [1, 2, 3])).Error;
        Assert.Equal(IsoErrorKind.LengthOutOfRange, error.Kind);
        Assert.Contains("must be exactly 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_text_is_space_padded_and_short_numbers_zero_filled()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new IsoMessageWriter(output, Iso87.Ascii, 200);
        writer.Write(4, "5"u8);
        writer.Write(41, "T1"u8);
        writer.Complete();

        var message = IsoMessage.Parse(output.WrittenSpan, Iso87.Ascii);
        Assert.Equal("000000000005"u8.ToArray(), message.Raw(4).ToArray());
        Assert.Equal("T1      "u8.ToArray(), message.Raw(41).ToArray());
    }

    [Fact]
    public void Signed_amounts_keep_the_sign_first_in_both_profiles()
    {
        foreach (var profile in new[] { Iso87.Ascii, Iso87.Binary })
        {
            var output = new ArrayBufferWriter<byte>();
            var writer = new IsoMessageWriter(output, profile, 200);
            writer.Write(28, "D150"u8);
            writer.Complete();
            Assert.Equal("D00000150", IsoMessage.Parse(output.WrittenSpan, profile).GetString(28));
        }
    }

    [Fact]
    public void Fields_out_of_order_are_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var writer = new IsoMessageWriter(new byte[256], Iso87.Ascii, 200);
            writer.WriteNumber(11, 1);
            writer.WriteNumber(4, 1);
        });
    }

    [Fact]
    public void A_message_that_outgrows_the_buffer_is_refused_not_truncated()
    {
        var error = Assert.Throws<IsoFormatException>(() =>
        {
            var writer = new IsoMessageWriter(new byte[40], Iso87.Ascii, 200);
            writer.Write(48, new string('x', 100));
        }).Error;
        Assert.Equal(IsoErrorKind.TooLong, error.Kind);
        Assert.Equal(48, error.Field);
    }

    [Fact]
    public void A_secondary_bitmap_is_written_only_when_a_field_above_64_is_present()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new IsoMessageWriter(output, Iso87.Ascii, 800);
        writer.WriteNumber(11, 1);
        var length = writer.Complete();

        Assert.Equal(4 + 8 + 6, length);
        Assert.False(IsoMessage.Parse(output.WrittenSpan, Iso87.Ascii).HasSecondaryBitmap);
    }

    [Theory]
    [InlineData(200, 210)]
    [InlineData(100, 110)]
    [InlineData(400, 410)]
    [InlineData(401, 410)]
    [InlineData(800, 810)]
    [InlineData(500, 510)]
    public void A_request_mti_maps_to_its_response_mti(int request, int response) =>
        Assert.Equal(response, MessageTypes.ResponseTo(request));

    private static void WriteOne(IsoProfile profile, int field, byte[] value)
    {
        var writer = new IsoMessageWriter(new byte[512], profile, 200);
        writer.Write(field, value);
    }
}
