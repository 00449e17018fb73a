using System.Buffers;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Tests.Protocol.Iso8583;

public sealed class ProfileLoadingTests
{
    [Fact]
    public void An_acquirer_dialect_overrides_fields_of_a_shipped_profile()
    {
        var profile = JsonProfileReader.Read("""
            {
              // An acquirer that sends track 2 as BCD and field 48 with a 2-byte binary length.
              "name": "acme",
              "base": "iso87-ascii",
              "fields": {
                "35": { "encoding": "bcd", "prefix-encoding": "bcd" },
                "48": { "type": "ans", "length": 512, "prefix": "LLL", "prefix-encoding": "binary" }
              }
            }
            """);

        Assert.Equal("acme", profile.Name);
        Assert.Equal(Iso87.Ascii[2], profile[2]);
        Assert.Equal(ValueEncoding.Bcd, profile[35]!.Encoding);
        Assert.Equal(Sensitivity.Secret, profile[35]!.Sensitivity);
        Assert.Equal(PadSide.Right, profile[35]!.Padding.Side);

        var output = new ArrayBufferWriter<byte>();
        var writer = new IsoMessageWriter(output, profile, 200);
        writer.Write(35, Vectors.Track2);
        writer.Write(48, "hello");
        writer.Complete();

        byte[] expected =
        [
            .. "0200"u8,
            0x00, 0x00, 0x00, 0x00, 0x20, 0x01, 0x00, 0x00, // bit 35: byte 4, 0x20; bit 48: byte 5, 0x01
            0x21, 0x47, 0x61, 0x73, 0x90, 0x01, 0x01, 0x00, 0x10, 0xD2, 0x81, 0x20,
            0x00, 0x05, .. "hello"u8,
        ];
        Assert.Equal(expected, output.WrittenSpan.ToArray());
        var message = IsoMessage.Parse(expected, profile);
        Assert.Equal(Vectors.Track2, message.GetString(35));
        Assert.Equal("hello", message.GetString(48));
    }

    [Fact]
    public void A_profile_without_a_base_defines_every_field_it_uses()
    {
        var profile = JsonProfileReader.Read("""
            { "name": "tiny", "mti": "bcd", "bitmap": "hex",
              "fields": { "11": { "type": "n", "length": 6, "encoding": "bcd" },
                          "41": { "type": "ans", "length": 8 } } }
            """);

        var output = new ArrayBufferWriter<byte>();
        var writer = new IsoMessageWriter(output, profile, 800);
        writer.WriteNumber(11, 42);
        writer.Write(41, "T1");
        writer.Complete();

        byte[] expected = [0x08, 0x00, .. "0020000000800000"u8, 0x00, 0x00, 0x42, .. "T1      "u8];
        Assert.Equal(expected, output.WrittenSpan.ToArray());
        Assert.Equal(42, IsoMessage.Parse(expected, profile).GetInt32(11));
        Assert.Null(profile[2]);
    }

    [Fact]
    public void A_hex_bitmap_that_is_not_hex_is_a_bitmap_error()
    {
        var profile = JsonProfileReader.Read("""{ "name": "hexmap", "base": "iso87-ascii", "bitmap": "hex" }""");
        Assert.False(IsoMessage.TryParse("0800002000000080000G"u8, profile, out _, out var error));
        Assert.Equal(IsoError.BitmapField, error.Field);
        Assert.Equal(IsoErrorKind.InvalidContent, error.Kind);
        Assert.Equal("bitmap: byte 0x47 is not a hexadecimal digit at offset 19", error.Message);
    }

    [Theory]
    [InlineData("""{ "base": "iso87-ascii" }""", "name")]
    [InlineData("""{ "name": "x", "base": "iso99" }""", "base")]
    [InlineData("""{ "name": "x" }""", "mti")]
    [InlineData("""{ "name": "x", "base": "iso87-ascii", "mti": "ebcdic" }""", "mti")]
    [InlineData("""{ "name": "x", "base": "iso87-ascii", "fields": { "35": { "length": "abc" } } }""", "fields.35.length")]
    [InlineData("""{ "name": "x", "base": "iso87-ascii", "fields": { "35": { "lenght": 37 } } }""", "fields.35.lenght")]
    [InlineData("""{ "name": "x", "base": "iso87-ascii", "fields": { "41": { "encoding": "bcd" } } }""", "fields.41")]
    [InlineData("""{ "name": "x", "base": "iso87-ascii", "fields": { "2": { "length": 100 } } }""", "fields.2")]
    [InlineData("""{ "name": "x", "base": "iso87-ascii", "fields": { "129": { "type": "n", "length": 1 } } }""", "fields.129")]
    [InlineData("""{ "name": "x", "fields": { "3": { "type": "q", "length": 6 } }, "mti": "ascii" }""", "fields.3.type")]
    [InlineData("""{ "name": "x", "mti": "ascii", "fields": { "3": { "type": "n" } } }""", "fields.3.length")]
    [InlineData("""{ "name": "x", "base": "iso87-binary", "fields": { "2": { "pad-char": "7" } } }""", "fields.2.pad-char")]
    [InlineData("""[1, 2]""", "(document)")]
    [InlineData("""{ "name": """, "(document)")]
    public void A_bad_definition_names_the_key_at_fault(string json, string key)
    {
        var error = Assert.Throws<ProfileDefinitionException>(() => JsonProfileReader.Read(json));
        Assert.Equal(key, error.Key);
        Assert.StartsWith(key + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_profiles_are_found_by_name_and_unknown_names_are_listed()
    {
        Assert.Same(Iso87.Binary, IsoProfiles.Get("iso87-binary"));
        var error = Assert.Throws<ProfileDefinitionException>(() => IsoProfiles.Get("iso93"));
        Assert.Contains("iso87-ascii, iso87-binary", error.Message, StringComparison.Ordinal);
    }
}
