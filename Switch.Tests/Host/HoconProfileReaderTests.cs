using Switch.Host.Configuration;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Tests.Host;

public sealed class HoconProfileReaderTests
{
    [Fact]
    public void A_hocon_profile_builds_the_same_specs_as_its_json_twin()
    {
        var hocon = HoconProfileReader.Read("""
            # An acquirer that sends track 2 as BCD and field 48 with a 2-byte binary length.
            profile {
              name = acme
              base = iso87-ascii
              fields {
                35 { encoding = bcd, prefix-encoding = bcd }
                48 { type = ans, length = 512, prefix = LLL, prefix-encoding = binary }
              }
            }
            """);
        var json = JsonProfileReader.Read("""
            { "name": "acme", "base": "iso87-ascii", "fields": {
                "35": { "encoding": "bcd", "prefix-encoding": "bcd" },
                "48": { "type": "ans", "length": 512, "prefix": "LLL", "prefix-encoding": "binary" } } }
            """);

        Assert.Equal("acme", hocon.Name);
        Assert.Equal(json.Mti, hocon.Mti);
        Assert.Equal(json.Bitmap, hocon.Bitmap);
        Assert.Equal(json.Fields.Values.OrderBy(f => f.Number), hocon.Fields.Values.OrderBy(f => f.Number));
        Assert.NotEqual(Iso87.Ascii[35], hocon[35]);
    }

    [Fact]
    public void A_file_may_hold_the_profile_keys_at_its_root()
    {
        var path = Path.Combine(Path.GetTempPath(), $"profile-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, "name = tiny\nmti = bcd\nbitmap = hex\nfields { 11 { type = n, length = 6, encoding = bcd } }\n");
        try
        {
            var profile = HoconProfileReader.ReadFile(path);
            Assert.Equal(MtiEncoding.Bcd, profile.Mti);
            Assert.Equal(BitmapEncoding.Hex, profile.Bitmap);
            Assert.Equal(ValueEncoding.Bcd, profile[11]!.Encoding);
            Assert.Single(profile.Fields);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("profile { name = x, base = iso87-ascii, fields { 35 { length = abc } } }", "profile.fields.35.length")]
    [InlineData("profile { name = x, base = iso87-ascii, fields { 35 { colour = red } } }", "profile.fields.35.colour")]
    [InlineData("profile { name = x, base = iso87-ascii, fields { 35 = 7 } }", "profile.fields.35")]
    [InlineData("profile { name = x, base = iso87-ascii, fields = [1, 2] }", "profile.fields")]
    [InlineData("profile { base = iso87-ascii }", "profile.name")]
    [InlineData("profile { name = x, mti = bcd, bitmap = octal }", "profile.bitmap")]
    [InlineData("profile { name = ${missing} }", "(document)")]
    public void A_bad_definition_names_the_key_at_fault(string hocon, string key)
    {
        var error = Assert.Throws<ProfileDefinitionException>(() => HoconProfileReader.Read(hocon));
        Assert.Equal(key, error.Key);
        Assert.StartsWith(key + ": ", error.Message, StringComparison.Ordinal);
    }
}
